package org.saypro.dcop.sharing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.SharingFixtures;
import org.saypro.dcop.sharing.qr.QrDecoding;
import org.saypro.dcop.sharing.qr.ZxingQrDecoder;

/** What a certificate says, that its QR code reads, and that the credential comes back out and verifies. */
class CertificatePdfTest {

  private static final String URL = SharingFixtures.BASE + "/c/0b7d5f7e-5a4e-4b8f-9d3c-2e1f0a9b8c7d";
  private static final String JWS = SharingFixtures.signed(SharingFixtures.issued("Zoë Ngcobo-Kotzé"));

  private static CertificateContent content(String recipient, CertificateMark mark) {
    return new CertificateContent("Sertifikaat in Vroeë Kinderontwikkeling: Gevorderde Praktyk",
        Optional.ofNullable(recipient), "Inkampani yaseMzansi: Ikamva Youth Academy", LocalDate.of(2026, 11, 23),
        Optional.of(LocalDate.of(2031, 11, 23)), URL, mark, new CredentialText.Jws(JWS));
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(1, document.getNumberOfPages());
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void southAfricanNamesArePrintedAsTheyAre() throws IOException {
    // Afrikaans diacritics, a Zulu and a Xhosa name, one written with a combining accent (NFD)
    String recipient = "Zoë Nomvula Ngcobo-Kotze\u0301 ê ï ô û ŉ Xolisa Mgqwetho";

    String text = text(CertificatePdf.render(content(recipient, CertificateMark.NONE)));

    assertTrue(text.contains("Zoë Nomvula Ngcobo-Kotzé ê ï ô û ŉ Xolisa Mgqwetho"), text);
    assertTrue(text.contains("Sertifikaat in Vroeë Kinderontwikkeling"), text);
    assertTrue(text.contains("Inkampani yaseMzansi: Ikamva Youth Academy"), text);
    assertTrue(text.contains("Issued 23 November 2026"), text);
    assertTrue(text.contains("Valid until 23 November 2031"), text);
    assertTrue(text.contains(URL), text);
    for (String mark : new String[] {"REVOKED", "SUSPENDED", "EXPIRED"}) {
      assertFalse(text.contains(mark), mark);
    }
  }

  @Test
  void charactersTheFontLacksBecomeQuestionMarksNotFailures() throws IOException {
    String text = text(CertificatePdf.render(content("Thandi 李 \uD83D\uDE00 Mokoena", CertificateMark.NONE)));
    assertTrue(text.contains("Thandi ? ? Mokoena"), text);
  }

  @Test
  void eachMarkIsStampedAndSaidInWords() throws IOException {
    for (CertificateMark mark : new CertificateMark[] {
        CertificateMark.REVOKED, CertificateMark.SUSPENDED, CertificateMark.EXPIRED}) {
      String text = text(CertificatePdf.render(content("Sipho Ndlovu", mark)));
      assertTrue(text.contains(mark.stamp()), mark + ": " + text);
      assertTrue(text.contains(mark.notice()), mark + ": " + text);
    }
  }

  @Test
  void theQrCodeOnThePageReadsAsTheVerificationUrl() throws IOException {
    byte[] pdf = CertificatePdf.render(content("Sipho Ndlovu", CertificateMark.REVOKED));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      ImageIO.write(page, "png", png);
    }
    assertEquals(new QrDecoding.Found(URL), new ZxingQrDecoder().decode(png.toByteArray()));
  }

  @Test
  void theDocumentIsDescribed() throws IOException {
    try (PDDocument document = Loader.loadPDF(CertificatePdf.render(content("Zoë Kotzé", CertificateMark.NONE)))) {
      PDDocumentInformation info = document.getDocumentInformation();
      assertEquals("Sertifikaat in Vroeë Kinderontwikkeling: Gevorderde Praktyk \u2013 Zoë Kotzé", info.getTitle());
      assertEquals("Inkampani yaseMzansi: Ikamva Youth Academy", info.getAuthor());
      assertEquals(CertificatePdf.PRODUCER, info.getProducer());
    }
  }

  @Test
  void aCertificateWithoutARecipientOrExpiryStillRenders() throws IOException {
    CertificateContent anonymous = new CertificateContent("Peer Mentor", Optional.empty(), "SayPro",
        LocalDate.of(2026, 1, 1), Optional.empty(), URL, CertificateMark.NONE, new CredentialText.Jws(JWS));
    String text = text(CertificatePdf.render(anonymous));
    assertTrue(text.contains("Peer Mentor"), text);
    assertFalse(text.contains("awarded to"), text);
    assertFalse(text.contains("Valid until"), text);
  }

  @Test
  void aVeryLongUnbrokenTitleWrapsInsideThePage() throws IOException {
    String title = "Kinderontwikkelingspraktykbestuursertifikaat".repeat(4);
    String text = text(CertificatePdf.render(new CertificateContent(title, Optional.of("Sipho Ndlovu"), "SayPro",
        LocalDate.of(2026, 1, 1), Optional.empty(), URL, CertificateMark.NONE, new CredentialText.Jws(JWS))));
    assertEquals(title, text.lines().filter(l -> l.startsWith("Kinder") || l.startsWith("ontwikk") || l.contains("sertifikaat"))
        .reduce("", String::concat).replaceAll("\\s", ""));
  }

  @Test
  void bothKindsOfCredentialComeBackOutAndTheJwtVerifies() {
    byte[] pdf = CertificatePdf.render(content("Sipho Ndlovu", CertificateMark.NONE));
    CredentialText extracted = CertificatePdf.extractCredential(pdf).orElseThrow();
    assertEquals(new CredentialText.Jws(JWS), extracted);
    assertTrue(SharingFixtures.verifierKnowingOnly(SharingFixtures.KEY)
        .verify(new SecuredInput.VcJwt(extracted.text())).verified());

    CredentialText json = new CredentialText.Json("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"]}");
    CertificateContent withJson = new CertificateContent("Peer Mentor", Optional.empty(), "SayPro",
        LocalDate.of(2026, 1, 1), Optional.empty(), URL, CertificateMark.NONE, json);
    assertEquals(Optional.of(json), CertificatePdf.extractCredential(CertificatePdf.render(withJson)));
  }

  @Test
  void contentIsValidatedWhenMade() {
    CredentialText jws = new CredentialText.Jws(JWS);
    LocalDate day = LocalDate.of(2026, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> new CertificateContent(" ", Optional.empty(), "SayPro", day,
        Optional.empty(), URL, CertificateMark.NONE, jws));
    assertThrows(IllegalArgumentException.class, () -> new CertificateContent("A\u0007", Optional.empty(), "SayPro",
        day, Optional.empty(), URL, CertificateMark.NONE, jws));
    assertThrows(IllegalArgumentException.class, () -> new CertificateContent("A", Optional.empty(), "SayPro", day,
        Optional.of(day.minusDays(1)), URL, CertificateMark.NONE, jws));
    assertThrows(IllegalArgumentException.class, () -> new CertificateContent("A", Optional.empty(), "SayPro", day,
        Optional.empty(), "javascript:alert(1)", CertificateMark.NONE, jws));
    assertThrows(IllegalArgumentException.class, () -> new CertificateContent("A", Optional.empty(), "SayPro", day,
        Optional.empty(), "https://example.org/\u00e9", CertificateMark.NONE, jws), "IRIs are percent-encoded first");
    assertThrows(IllegalArgumentException.class, () -> new CertificateContent("A", Optional.of("x".repeat(201)),
        "SayPro", day, Optional.empty(), URL, CertificateMark.NONE, jws));
  }
}
