package org.saypro.dcop.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.TestCredentials;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.openbadges.IdentityHash;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/** Round trips, the sizes the ADR quotes, and refusal of what a QR code cannot carry. */
class OfflineCredentialCodecTest {

  @Test
  void aTypicalMinimalCredentialFitsAndVerifiesWithOnlyThePublicKey() {
    ObjectNode full = OfflineFixtures.fullCredential("Nomvula Dlamini-Ngcobo");
    String jws = OfflineFixtures.signedMinimal(full);

    String text = assertInstanceOf(OfflineEncoding.Encoded.class, OfflineCredentialCodec.encode(jws)).text();
    String decoded = assertInstanceOf(OfflineDecoding.Decoded.class, OfflineCredentialCodec.decode(text)).compactJws();

    assertEquals(jws, decoded);
    assertTrue(text.chars().allMatch(c -> Base45.ALPHABET.indexOf(c) >= 0), "QR alphanumeric characters only");
    VerificationReport report = OfflineFixtures.offlineVerifier().verify(new SecuredInput.VcJwt(decoded));
    assertTrue(report.verified(), () -> report.checks().toString());
    System.out.printf("offline QR sizes: full credential %d bytes JSON, minimal %d bytes JSON, vc+jwt %d characters,"
            + " deflated %d bytes, QR text %d characters (limit %d)%n",
        Json.write(full).length, Json.write(MinimalCredential.of(full)).length, jws.length(),
        Base45.decode(text.substring(OfflineCredentialCodec.PREFIX.length())).length, text.length(),
        OfflineCredentialCodec.MAX_TEXT_LENGTH);
  }

  @Test
  void es256TokensTravelToo() {
    SigningKey p256 = SigningKey.generate(KeyAlgorithm.P256, OfflineFixtures.ISSUER);
    String jws = VcJwtSigner.sign(
        TestCredentials.valid(MinimalCredential.of(OfflineFixtures.fullCredential("Pieter van der Merwe"))), p256);
    String text = assertInstanceOf(OfflineEncoding.Encoded.class, OfflineCredentialCodec.encode(jws)).text();
    assertEquals(jws, assertInstanceOf(OfflineDecoding.Decoded.class, OfflineCredentialCodec.decode(text)).compactJws());
  }

  @Test
  void aCredentialTooLargeForAQrCodeIsRefusedWithTheNumbers() {
    ObjectNode full = OfflineFixtures.fullCredential("Thandi Mokoena");
    ArrayNode identifiers = (ArrayNode) full.get("credentialSubject").get("identifier");
    for (int i = 0; i < 20; i++) {
      identifiers.add(IdentityHash.forEmail("address" + i + "@example.org"));
    }
    String jws = OfflineFixtures.signedMinimal(full);

    String reason = assertInstanceOf(OfflineEncoding.Refused.class, OfflineCredentialCodec.encode(jws)).reason();

    assertTrue(reason.contains("more than the 3391 of the largest QR code"), reason);
  }

  @Test
  void onlyCompactJwsIsEncoded() {
    assertInstanceOf(OfflineEncoding.Refused.class, OfflineCredentialCodec.encode("{\"not\":\"a token\"}"));
    assertInstanceOf(OfflineEncoding.Refused.class, OfflineCredentialCodec.encode(null));
    String huge = "eyJhbGciOiJFZERTQSJ9." + "A".repeat(OfflineCredentialCodec.MAX_TOKEN_BYTES) + ".AA";
    assertTrue(assertInstanceOf(OfflineEncoding.Refused.class, OfflineCredentialCodec.encode(huge)).reason()
        .contains("at most 8192"));
  }

  @Test
  void theTextIsStableForTheSameToken() {
    String jws = OfflineFixtures.signedMinimal(OfflineFixtures.fullCredential("Thandi Mokoena"));
    assertEquals(OfflineCredentialCodec.encode(jws), OfflineCredentialCodec.encode(jws));
  }
}
