package org.saypro.dcop.sharing.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.qr.QrEncoding;
import org.saypro.dcop.sharing.qr.QrForm;
import org.saypro.dcop.sharing.qr.QrSymbol;
import org.saypro.dcop.sharing.qr.ZxingQrEncoder;

/**
 * A one-page A4 landscape certificate: the achievement as title, the learner, the issuer, the dates, the QR code and
 * address of the credential's public page, a stamp when the credential no longer stands, and the signed credential
 * attached so that the file can be verified on its own. Names go in the embedded font; the fixed English labels and
 * the ASCII address in Helvetica, whose WinAnsi encoding they never leave.
 */
public final class CertificatePdf {

  public static final String PRODUCER = "DCoP Credentials";

  /** Certificates made here are tens of kilobytes; a larger upload is not one of them. */
  public static final int MAX_PDF_BYTES = 5 * 1024 * 1024;

  private static final long MAX_PARSE_MEMORY = 32L * 1024 * 1024;
  private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  private static final float MARGIN = 56;
  private static final float QR_SIDE = 118;
  private static final Color INK = new Color(0x1d, 0x2a, 0x3a);
  private static final Color BLUE = new Color(0x1d, 0x4f, 0x91);
  private static final Color GREY = new Color(0x5a, 0x63, 0x70);
  private static final Color RED = new Color(0xb0, 0x1c, 0x1c);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private CertificatePdf() {}

  public static byte[] render(CertificateContent content) {
    try (PDDocument document = new PDDocument(); CertificateFont font = CertificateFont.embedIn(document)) {
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
        new Page(canvas, font).draw(content);
      }
      CredentialAttachment.attach(document, content.credential());
      describe(document.getDocumentInformation(), content);
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      document.save(pdf);
      return pdf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering a certificate in memory failed", e);
    }
  }

  /**
   * The credential attached to a certificate made here; empty for any other file, however malformed, and for an
   * attachment that is too large, of the wrong kind, or not a credential.
   */
  public static Optional<CredentialText> extractCredential(byte[] pdf) {
    if (pdf == null || pdf.length == 0 || pdf.length > MAX_PDF_BYTES) {
      return Optional.empty();
    }
    try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
        MemoryUsageSetting.setupMainMemoryOnly(MAX_PARSE_MEMORY).streamCache)) {
      return CredentialAttachment.read(document);
    } catch (IOException | RuntimeException e) {
      // a damaged, encrypted or hostile file: PDFBox reports these with a range of exceptions
      return Optional.empty();
    }
  }

  /** Document information strings are Unicode (UTF-16 where needed), so names go in as they are. */
  private static void describe(PDDocumentInformation info, CertificateContent content) {
    info.setTitle(content.achievementName() + content.recipientName().map(name -> " \u2013 " + name).orElse(""));
    info.setAuthor(content.issuerName());
    info.setSubject("Certificate; verify it at " + content.verificationUrl());
    info.setProducer(PRODUCER);
    info.setCreator(PRODUCER);
  }

  /** The drawing of one certificate, top to bottom. */
  private static final class Page {
    // per document: a font object's dictionary becomes part of the document it is saved in
    private final PDFont label = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont labelBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDPageContentStream canvas;
    private final CertificateFont font;

    Page(PDPageContentStream canvas, CertificateFont font) {
      this.canvas = canvas;
      this.font = font;
    }

    void draw(CertificateContent content) throws IOException {
      border();
      float y = PAGE.getHeight() - 92;
      if (content.mark() != CertificateMark.NONE) {
        centred(content.mark().notice(), labelBold, 13, RED, y + 28);
      }
      centred("CERTIFICATE", labelBold, 13, BLUE, y);
      y = wrapped(content.achievementName(), 30, 18, 3, y - 46);
      if (content.recipientName().isPresent()) {
        centred("awarded to", label, 13, GREY, y - 8);
        y = wrapped(content.recipientName().get(), 28, 16, 2, y - 46);
      }
      centred("by", label, 13, GREY, y - 8);
      wrapped(content.issuerName(), 18, 12, 2, y - 36);
      footer(content);
      if (content.mark() != CertificateMark.NONE) {
        stamp(content.mark().stamp());
      }
    }

    private void border() throws IOException {
      canvas.setStrokingColor(BLUE);
      canvas.setLineWidth(3);
      canvas.addRect(24, 24, PAGE.getWidth() - 48, PAGE.getHeight() - 48);
      canvas.stroke();
      canvas.setLineWidth(0.8f);
      canvas.addRect(32, 32, PAGE.getWidth() - 64, PAGE.getHeight() - 64);
      canvas.stroke();
    }

    private void footer(CertificateContent content) throws IOException {
      float y = MARGIN + 46;
      text("Issued " + DATE.format(content.issuedOn()), label, 12, INK, MARGIN, y);
      Optional<LocalDate> until = content.validUntil();
      if (until.isPresent()) {
        text("Valid until " + DATE.format(until.get()), label, 12, INK, MARGIN, y - 17);
      }
      text("Verify this certificate at", label, 9, GREY, MARGIN, MARGIN + 2 + 11);
      text(content.verificationUrl(), label, 9, BLUE, MARGIN, MARGIN + 2);
      QrSymbol qr = ((QrEncoding.Encoded) ZxingQrEncoder.encode(content.verificationUrl(), QrForm.PAGE_LINK)).symbol();
      qrCode(qr, PAGE.getWidth() - MARGIN - QR_SIDE, MARGIN - 12);
    }

    /** Drawn as vector squares, sharp at any print resolution; white behind it keeps the quiet zone clear of the mark. */
    private void qrCode(QrSymbol symbol, float x, float y) throws IOException {
      float module = QR_SIDE / symbol.sizeWithQuietZone();
      canvas.setNonStrokingColor(Color.WHITE);
      canvas.addRect(x, y, QR_SIDE, QR_SIDE);
      canvas.fill();
      canvas.setNonStrokingColor(Color.BLACK);
      float top = y + QR_SIDE - QrSymbol.QUIET_ZONE * module;
      for (int row = 0; row < symbol.size(); row++) {
        for (int column = 0; column < symbol.size(); column++) {
          if (symbol.isDark(column, row)) {
            canvas.addRect(x + (QrSymbol.QUIET_ZONE + column) * module, top - (row + 1) * module, module, module);
          }
        }
      }
      canvas.fill();
    }

    /** The mark across the page, translucent so the certificate stays readable under it. */
    private void stamp(String word) throws IOException {
      PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
      translucent.setNonStrokingAlphaConstant(0.28f);
      canvas.saveGraphicsState();
      canvas.setGraphicsStateParameters(translucent);
      canvas.setNonStrokingColor(RED);
      float size = 120;
      float width = labelBold.getStringWidth(word) / 1000 * size;
      double angle = Math.toRadians(22);
      float cx = PAGE.getWidth() / 2;
      float cy = PAGE.getHeight() / 2;
      canvas.beginText();
      canvas.setFont(labelBold, size);
      canvas.setTextMatrix(Matrix.getRotateInstance(angle,
          cx - (float) (Math.cos(angle) * width / 2) + (float) (Math.sin(angle) * size * 0.35f),
          cy - (float) (Math.sin(angle) * width / 2) - (float) (Math.cos(angle) * size * 0.35f)));
      canvas.showText(word);
      canvas.endText();
      canvas.restoreGraphicsState();
    }

    /**
     * Centres {@code text} in the embedded font, in as few lines as fit, shrinking from {@code size} towards
     * {@code smallest}; returns the baseline below the last line.
     */
    private float wrapped(String text, float size, float smallest, int maxLines, float y) throws IOException {
      String printable = font.printable(text);
      float width = PAGE.getWidth() - 2 * MARGIN - 40;
      List<String> lines = lines(printable, size, width);
      while (lines.size() > maxLines && size > smallest) {
        size--;
        lines = lines(printable, size, width);
      }
      for (String line : lines) {
        centred(line, font.font(), size, INK, y);
        y -= size * 1.2f;
      }
      return y;
    }

    /** Breaks at spaces, and inside a word only when the word alone is wider than a line. */
    private List<String> lines(String text, float size, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" +")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (font.width(candidate, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        while (font.width(word, size) > width) {
          int end = fitting(word, size, width);
          lines.add(word.substring(0, end));
          word = word.substring(end);
        }
        line.append(word);
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }

    /** The length of the longest start of {@code word} that fits, at least one character. */
    private int fitting(String word, float size, float width) throws IOException {
      int end = word.offsetByCodePoints(0, 1);
      while (end < word.length()) {
        int next = word.offsetByCodePoints(end, 1);
        if (font.width(word.substring(0, next), size) > width) {
          break;
        }
        end = next;
      }
      return end;
    }

    private void centred(String text, PDFont with, float size, Color color, float y) throws IOException {
      float width = with.getStringWidth(text) / 1000 * size;
      text(text, with, size, color, (PAGE.getWidth() - width) / 2, y);
    }

    private void text(String text, PDFont with, float size, Color color, float x, float y) throws IOException {
      canvas.beginText();
      canvas.setFont(with, size);
      canvas.setNonStrokingColor(color);
      canvas.newLineAtOffset(x, y);
      canvas.showText(text);
      canvas.endText();
    }
  }
}
