package org.saypro.dcop.sharing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.offline.MinimalCredential;
import org.saypro.dcop.core.offline.OfflineCredentialCodec;
import org.saypro.dcop.core.offline.OfflineDecoding;
import org.saypro.dcop.core.offline.OfflineEncoding;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;
import org.saypro.dcop.sharing.SharingFixtures;

/**
 * The offline form end to end: an issued credential's minimal form signed with a freshly generated Ed25519 key,
 * packed, drawn as a QR code, read back from the PNG, unpacked, and verified by a verifier that holds only the
 * issuer's public key.
 */
class OfflineQrRoundTripTest {

  private static final SigningKey KEY = SigningKey.generate(KeyAlgorithm.ED25519, SharingFixtures.ISSUER);

  @Test
  void anIssuedCredentialSurvivesTheQrCodeAndVerifiesWithOnlyThePublicKey() {
    ObjectNode minimal = MinimalCredential.of(SharingFixtures.issued("Sipho Ndlovu"));
    String jws = VcJwtSigner.sign(SharingFixtures.valid(minimal), KEY);
    String text = assertInstanceOf(OfflineEncoding.Encoded.class, OfflineCredentialCodec.encode(jws)).text();
    QrSymbol symbol = assertInstanceOf(QrEncoding.Encoded.class,
        ZxingQrEncoder.encode(text, QrForm.OFFLINE_CREDENTIAL)).symbol();

    QrDecoding read = new ZxingQrDecoder().decode(QrPng.render(symbol, 4));

    String scanned = assertInstanceOf(QrDecoding.Found.class, read).text();
    String token = assertInstanceOf(OfflineDecoding.Decoded.class, OfflineCredentialCodec.decode(scanned)).compactJws();
    assertEquals(jws, token);
    VerificationReport report = SharingFixtures.verifierKnowingOnly(KEY).verify(new SecuredInput.VcJwt(token));
    assertTrue(report.verified(), () -> report.checks().toString());
    QrSymbol atQ = ((QrEncoding.Encoded) ZxingQrEncoder.encode(text, QrForm.PAGE_LINK)).symbol();
    System.out.printf("offline QR: minimal credential %d bytes, vc+jwt %d characters, QR text %d characters:"
            + " version %d at level M (%d modules with the quiet zone), version %d at level Q%n",
        Json.write(minimal).length, jws.length(), text.length(), symbol.version(), symbol.sizeWithQuietZone(),
        atQ.version());
    assertTrue(symbol.version() <= 30, "a typical credential stays well inside the limit: " + symbol.version());
  }

  /**
   * Before the decoder's pure-barcode fallback, about one code in ten drawn here (18 of 200) was not found: in a
   * version-29 code, data modules sometimes look like finder patterns and mislead ZXing's detector. Every code this
   * service draws must read back, whatever the signature's bytes.
   */
  @Test
  void everyOfflineCodeDrawnHereReadsBack() {
    for (int i = 0; i < 100; i++) {
      SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, SharingFixtures.ISSUER);
      String jws = VcJwtSigner.sign(SharingFixtures.valid(MinimalCredential.of(SharingFixtures.issued("Learner " + i))),
          key);
      String text = ((OfflineEncoding.Encoded) OfflineCredentialCodec.encode(jws)).text();
      QrSymbol symbol = ((QrEncoding.Encoded) ZxingQrEncoder.encode(text, QrForm.OFFLINE_CREDENTIAL)).symbol();
      QrDecoding read = new ZxingQrDecoder().decode(QrPng.render(symbol, 4));
      assertEquals(text, assertInstanceOf(QrDecoding.Found.class, read, "code " + i).text());
    }
  }

  @Test
  void anotherKeyOfTheSameIssuerDoesNotVerifyIt() {
    String jws = VcJwtSigner.sign(SharingFixtures.valid(MinimalCredential.of(SharingFixtures.issued("Sipho Ndlovu"))),
        SigningKey.generate(KeyAlgorithm.ED25519, SharingFixtures.ISSUER));
    String text = ((OfflineEncoding.Encoded) OfflineCredentialCodec.encode(jws)).text();
    String token = ((OfflineDecoding.Decoded) OfflineCredentialCodec.decode(text)).compactJws();

    assertFalse(SharingFixtures.verifierKnowingOnly(KEY).verify(new SecuredInput.VcJwt(token)).verified());
  }
}
