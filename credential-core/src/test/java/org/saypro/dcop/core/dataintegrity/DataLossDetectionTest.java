package org.saypro.dcop.core.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.CanonicalizationException;
import org.saypro.dcop.core.jsonld.RdfCanonicalizer;

/**
 * VC Data Integrity 1.0, "Securing Data Losslessly": implementations using JSON-LD processing MUST throw an error when
 * data is dropped, such as an undefined term (and relative IRIs, which toRdf skips). Otherwise the dropped values are
 * not covered by the proof and can be changed freely: with only the credentials/v2 context (which has no @vocab), a
 * {@code "degree": "PhD"} in the subject is not signed, and a proof over it still verifies after it is changed.
 *
 * <p>Today RdfCanonicalizer drops these silently (Titanium's default undefined-terms policy is Ignore), so this test
 * is disabled; enable it with the fix in RdfCanonicalizer (undefined-terms policy Fail, refuse relative IRIs).
 */

class DataLossDetectionTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // an undefined term in the subject
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\"],"
          + "\"issuer\":\"did:example:i\",\"credentialSubject\":{\"id\":\"did:example:s\",\"degree\":\"PhD\"}}",
      // an undefined top-level term
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\"],"
          + "\"issuer\":\"did:example:i\",\"credentialSubject\":{\"id\":\"did:example:s\"},\"level\":3}",
      // an undefined type becomes a relative IRI
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:1\","
          + "\"type\":[\"VerifiableCredential\",\"MadeUpCredential\"],\"issuer\":\"did:example:i\"}",
      // a relative subject id
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\"],"
          + "\"issuer\":\"did:example:i\",\"credentialSubject\":{\"id\":\"relative/thing\"}}",
      // a relative issuer
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\"],"
          + "\"issuer\":\"relative-issuer\"}",
      // no context at all: everything is dropped
      "{\"claim\":\"anything\"}"})
  void droppedDataIsAnError(String json) {
    assertThrows(CanonicalizationException.class, () -> RdfCanonicalizer.bundled().canonicalize(Json.parse(json)));
  }
}
