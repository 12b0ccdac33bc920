package org.saypro.dcop.sharing.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font for names and titles: Liberation Sans, which ships inside PDFBox (its fallback font), embedded as a subset.
 * It covers Latin with every diacritic South African names use, Greek and Cyrillic; the standard 14 fonts cover only
 * WinAnsi and would fail on, for example, "ŉ". A character it has no glyph for is printed as "?" rather than failing
 * the whole certificate.
 */
final class CertificateFont implements Closeable {

  private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final byte[] FILE = load();

  private final TrueTypeFont trueType;
  private final CmapLookup unicode;
  private final PDType0Font font;

  private CertificateFont(TrueTypeFont trueType, PDType0Font font) throws IOException {
    this.trueType = trueType;
    this.unicode = trueType.getUnicodeCmapLookup();
    this.font = font;
  }

  /** Embeds the font in {@code document}; close it after the document is saved. */
  static CertificateFont embedIn(PDDocument document) throws IOException {
    TrueTypeFont trueType = new TTFParser().parse(new RandomAccessReadBuffer(FILE));
    try {
      return new CertificateFont(trueType, PDType0Font.load(document, trueType, true));
    } catch (IOException | RuntimeException e) {
      trueType.close();
      throw e;
    }
  }

  PDType0Font font() {
    return font;
  }

  /** The text in composed form (so "e" + combining accent finds the "é" glyph), with "?" for what has no glyph. */
  String printable(String text) {
    StringBuilder printable = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
      if (unicode.getGlyphId(c) == 0) {
        printable.append('?');
      } else {
        printable.appendCodePoint(c);
      }
    });
    return printable.toString();
  }

  /** Width in points of already printable text at {@code size}. */
  float width(String printable, float size) throws IOException {
    return font.getStringWidth(printable) / 1000 * size;
  }

  @Override
  public void close() throws IOException {
    trueType.close();
  }

  private static byte[] load() {
    try (InputStream in = PDType0Font.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox no longer ships " + RESOURCE + "; bundle a font with this module");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
