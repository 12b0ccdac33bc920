package org.saypro.dcop.sharing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.SharingFixtures;
import org.saypro.dcop.sharing.VectorFiles;

/**
 * Writes the PDF extraction vectors under {@code src/test/resources/vectors/pdf}: certificates made here (good) and
 * files a verifier must turn away without harm (bad): a decompression bomb as the attachment, an attachment of the
 * wrong kind, a truncated certificate, no attachment, and something that is not a PDF.
 *
 * <p>Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.sharing.pdf.PdfVectorGenerator [output-dir]}.
 */
public final class PdfVectorGenerator {

  private PdfVectorGenerator() {}

  public static void main(String[] args) throws IOException {
    new VectorFiles("pdf").write(args, render());
  }


  static CertificateContent content(CredentialText credential, CertificateMark mark) {
    return new CertificateContent("Higher Certificate in Early Childhood Development", Optional.of("Zoë Ngcobo-Kotzé"),
        "Ikamva Youth Academy", LocalDate.of(2026, 11, 23), Optional.of(LocalDate.of(2031, 11, 23)),
        SharingFixtures.BASE + "/c/0b7d5f7e-5a4e-4b8f-9d3c-2e1f0a9b8c7d", mark, credential);
  }

  static Map<String, byte[]> render() throws IOException {
    String jws = SharingFixtures.signed(SharingFixtures.issued("Zoë Ngcobo-Kotzé"));
    byte[] certificate = CertificatePdf.render(content(new CredentialText.Jws(jws), CertificateMark.NONE));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("certificate-jwt.good.pdf", certificate);
    files.put("revoked-jwt.good.pdf", CertificatePdf.render(content(new CredentialText.Jws(jws), CertificateMark.REVOKED)));
    files.put("flate-bomb-attachment.bad.pdf", withAttachment(CredentialAttachment.JWT_NAME, new byte[16 * 1024 * 1024]));
    files.put("json-named-jwt.bad.pdf", withAttachment(CredentialAttachment.JWT_NAME,
        "{\"type\":[\"VerifiableCredential\"]}".getBytes(StandardCharsets.UTF_8)));
    files.put("not-a-credential.bad.pdf", withAttachment(CredentialAttachment.JWT_NAME,
        "hello, world".getBytes(StandardCharsets.UTF_8)));
    files.put("no-attachment.bad.pdf", blank());
    files.put("truncated.bad.pdf", Arrays.copyOf(certificate, certificate.length / 3));
    files.put("not-a-pdf.bad.pdf", "%PDF-1.7\nthis is no PDF\n".getBytes(StandardCharsets.US_ASCII));
    return files;
  }

  /** A blank page with one attachment, compressed with FlateDecode as certificates are. */
  private static byte[] withAttachment(String name, byte[] content) throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      CredentialAttachment.attach(document, name, "application/octet-stream", content);
      return save(document);
    }
  }

  private static byte[] blank() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      return save(document);
    }
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
