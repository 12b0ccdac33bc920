package org.saypro.dcop.core.dataintegrity;

import org.saypro.dcop.core.VectorFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.saypro.dcop.core.dataintegrity.SpecVectors.Suite;
import org.saypro.dcop.core.did.Multibase;
import org.saypro.dcop.core.json.Json;

/**
 * Writes the negative Data Integrity vectors under {@code src/test/resources/vectors/dataintegrity/negative}: each is
 * a W3C specification signed document (read from the test resources) with one change, and says how verification
 * must fail. No new signature is made, so running it again rewrites the same bytes.
 *
 * <p>Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.core.dataintegrity.DataIntegrityNegativeVectorGenerator [output-dir]}.
 */
public final class DataIntegrityNegativeVectorGenerator {

  static final String VERIFY_FALSE = "verify-false";
  static final String CANONICALIZATION_ERROR = "canonicalization-error";

  /** A context URL that is not bundled; it must never be fetched. */
  static final String UNBUNDLED_CONTEXT = "https://evil.example/ctx";

  /** The RFC 8032 section 7.1 TEST 2 Ed25519 key as did:key: a valid key that did not make the proof. */
  static final String OTHER_ED25519_DID = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT";

  private DataIntegrityNegativeVectorGenerator() {}

  public static void main(String[] args) throws IOException {
    VectorFiles.replace("dataintegrity/negative", args, ".bad.json", render());
  }

  /** Every file, by name, with its exact content. */
  public static Map<String, String> render() {
    Map<String, String> files = new LinkedHashMap<>();
    for (Negative negative : negatives()) {
      if (files.put(negative.name() + ".bad.json", pretty(negative.json())) != null) {
        throw new IllegalStateException("duplicate vector " + negative.name());
      }
    }
    return files;
  }

  static List<Negative> negatives() {
    Suite ed = Suite.EDDSA;
    Suite ec = Suite.ECDSA_P256;
    return List.of(
        new Negative(
            "eddsa-modified-credential",
            "eddsa-rdfc-2022 proof over a credential that was changed after signing",
            ed, "credentialSubject.alumniOf: \"The School of Examples\" -> \"The School of Forgeries\"",
            doc -> subject(doc).put("alumniOf", "The School of Forgeries"), verifyFalse()),
        new Negative(
            "eddsa-modified-issuer",
            "eddsa-rdfc-2022 proof over a credential whose issuer was changed after signing",
            ed, "issuer: https://vc.example/issuers/5678 -> https://vc.example/issuers/6666",
            doc -> doc.put("issuer", "https://vc.example/issuers/6666"), verifyFalse()),
        new Negative(
            "eddsa-modified-created",
            "eddsa-rdfc-2022 proof whose created date was changed after signing (one second later)",
            ed, "proof.created: 2023-02-24T23:36:38Z -> 2023-02-24T23:36:39Z",
            doc -> proof(doc).put("created", "2023-02-24T23:36:39Z"), verifyFalse()),
        new Negative(
            "eddsa-modified-proof-purpose",
            "eddsa-rdfc-2022 proof whose proofPurpose was changed after signing",
            ed, "proof.proofPurpose: assertionMethod -> authentication",
            doc -> proof(doc).put("proofPurpose", "authentication"), verifyFalse()),
        new Negative(
            "eddsa-proof-value-one-character",
            "eddsa-rdfc-2022 proofValue with one base58 character changed (still a 64-byte signature)",
            ed, "proof.proofValue: the character in the middle replaced by another base58 character",
            doc -> proof(doc).put("proofValue", changeOneCharacter(proof(doc).get("proofValue").textValue())),
            verifyFalse()),
        new Negative(
            "eddsa-other-verification-method",
            "eddsa-rdfc-2022 proof naming another Ed25519 did:key (RFC 8032 TEST 2) than the key that signed",
            ed, "proof.verificationMethod: did:key:z6MkrJV...#z6MkrJV... -> " + OTHER_ED25519_DID + "#...",
            doc -> proof(doc).put("verificationMethod", OTHER_ED25519_DID + "#" + OTHER_ED25519_DID.substring(8)),
            verifyFalse()),
        new Negative(
            "eddsa-proof-domain-added",
            "eddsa-rdfc-2022 proof to which a domain was added after signing (every proof option is signed)",
            ed, "proof.domain: added \"example.org\"",
            doc -> proof(doc).put("domain", "example.org"), verifyFalse()),
        new Negative(
            "eddsa-unbundled-context",
            "eddsa-rdfc-2022 signed credential with an added context that is not bundled (it must not be fetched)",
            ed, "@context: " + UNBUNDLED_CONTEXT + " appended",
            doc -> {
              ((ArrayNode) doc.get("@context")).add(UNBUNDLED_CONTEXT);
            },
            canonicalizationError(UNBUNDLED_CONTEXT + " is not bundled")),
        new Negative(
            "ecdsa-modified-credential",
            "ecdsa-rdfc-2019 (P-256) proof over a credential that was changed after signing",
            ec, "credentialSubject.alumniOf: \"The School of Examples\" -> \"The School of Forgeries\"",
            doc -> subject(doc).put("alumniOf", "The School of Forgeries"), verifyFalse()),
        new Negative(
            "ecdsa-modified-created",
            "ecdsa-rdfc-2019 (P-256) proof whose created date was changed after signing (one second later)",
            ec, "proof.created: 2023-02-24T23:36:38Z -> 2023-02-24T23:36:39Z",
            doc -> proof(doc).put("created", "2023-02-24T23:36:39Z"), verifyFalse()));
  }

  // ---- derivations ------------------------------------------------------------------------------------------------

  private static ObjectNode subject(ObjectNode doc) {
    return (ObjectNode) doc.get("credentialSubject");
  }

  private static ObjectNode proof(ObjectNode doc) {
    return (ObjectNode) doc.get("proof");
  }

  /** Replaces the middle character by another base58 one, keeping a 64-byte value that differs from the original. */
  static String changeOneCharacter(String proofValue) {
    int i = proofValue.length() / 2;
    char[] chars = proofValue.toCharArray();
    chars[i] = chars[i] == '2' ? '3' : '2';
    String changed = new String(chars);
    byte[] before = Multibase.decodeBase58Btc(proofValue);
    byte[] after = Multibase.decodeBase58Btc(changed);
    if (after.length != 64 || java.util.Arrays.equals(before, after)) {
      throw new IllegalStateException("the change must keep a different 64-byte signature");
    }
    return changed;
  }

  private static ObjectNode verifyFalse() {
    ObjectNode expected = Json.newObject();
    expected.put("outcome", VERIFY_FALSE);
    return expected;
  }

  private static ObjectNode canonicalizationError(String messageContains) {
    ObjectNode expected = Json.newObject();
    expected.put("outcome", CANONICALIZATION_ERROR);
    expected.put("messageContains", messageContains);
    return expected;
  }

  private static String pretty(JsonNode node) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One negative vector: a specification signed document with one change. */
  record Negative(
      String name, String description, Suite from, String change, Consumer<ObjectNode> derive,
      ObjectNode expected) {

    ObjectNode json() {
      ObjectNode original = from.signed();
      ObjectNode document = original.deepCopy();
      derive.accept(document);
      if (document.equals(original)) {
        throw new IllegalStateException(name + ": the derivation changed nothing");
      }
      ObjectNode json = Json.newObject();
      json.put("description", description);
      json.put("derivedFrom", from.signedFile());
      json.put("change", change);
      json.set("expected", expected);
      json.set("document", document);
      return json;
    }
  }
}
