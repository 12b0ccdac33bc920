package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * Published signed notes: the example of C2SP {@code signed-note.md} (C2SP/C2SP commit
 * b3a911e3f2bd75a6ccdd0bf04e9e1912961c439a, CC BY 4.0), and the keys and notes of the reference implementation's
 * tests, golang/mod {@code sumdb/note/note_test.go} (commit fe2ec04f7c3c3aa6fad97631aafcff6e49e2d1db, BSD-3-Clause).
 */
class SignedNoteVectorsTest {

  // signed-note.md, "Verifier keys", "Example".
  static final String C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  static final String C2SP_TEXT = "This is an example message.\n";
  static final String C2SP_NOTE =
      C2SP_TEXT
          + "\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  // note_test.go, TestSign, TestOpen and TestNewVerifier.
  static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String TEXT =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  static final String PETER_SIG =
      "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG =
      "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  private static final NoteVerifier PETER = new NoteVerifier(NoteVerifierKey.parse(PETER_VKEY));
  private static final NoteVerifier ENOCH = new NoteVerifier(NoteVerifierKey.parse(ENOCH_VKEY));

  @Test
  void theC2spExampleVerifies() {
    NoteVerifierKey key = NoteVerifierKey.parse(C2SP_VKEY);
    assertEquals(C2SP_VKEY, key.encoded());
    assertEquals("530d903a", key.keyIdHex());
    assertEquals(new NoteCheck.Verified<>(C2SP_TEXT), new NoteVerifier(key).verify(C2SP_NOTE));
    assertEquals(
        NoteCheck.Problem.BAD_SIGNATURE,
        problem(new NoteVerifier(key).verify(C2SP_NOTE.replace("example message", "exemplary message"))));
  }

  @Test
  void signingReproducesTheReferenceSignature() {
    // A Go signer key is PRIVATE+KEY+<name>+<key ID>+base64(0x01 || 32-byte Ed25519 seed); base64 may hold '+'.
    byte[] typed = Base64.getDecoder().decode(PETER_SKEY.split("\\+", 5)[4]);
    assertEquals(NoteVerifierKey.ED25519, typed[0]);
    NoteSigner signer =
        NoteSigner.ed25519("PeterNeumann", new Ed25519PrivateKeyParameters(Arrays.copyOfRange(typed, 1, 33)));
    assertEquals(PETER_VKEY, signer.verifierKey().encoded());
    // Ed25519 is deterministic, so the note must come out byte for byte as TestSign expects.
    assertEquals(TEXT + "\n" + PETER_SIG, signer.sign(TEXT));
  }

  @Test
  void signaturesFromOtherKeysAreIgnored() {
    String both = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
    assertEquals(new NoteCheck.Verified<>(TEXT), PETER.verify(both));
    assertEquals(new NoteCheck.Verified<>(TEXT), ENOCH.verify(both));
    SignedNote parsed = SignedNote.parse(both);
    assertEquals(2, parsed.signatures().size());
    assertEquals(0xc74f20a3, parsed.signatures().get(0).keyId());
    assertEquals(both, parsed.encoded());

    NoteVerifier stranger = new NoteVerifier(NoteVerifierKey.parse(C2SP_VKEY));
    assertEquals(NoteCheck.Problem.NO_SIGNATURE_FROM_KEY, problem(stranger.verify(both)));
    // A line naming the key with another key ID, or another name with its key ID, is not from the key.
    assertEquals(
        NoteCheck.Problem.NO_SIGNATURE_FROM_KEY,
        problem(PETER.verify(TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "CarmenSandiego"))));
    assertEquals(
        NoteCheck.Problem.NO_SIGNATURE_FROM_KEY, problem(PETER.verify(TEXT + "\n" + PETER_SIG.replace("x08g", "xxxx"))));
  }

  @Test
  void aBadSignatureFromTheKeyRejectsTheNote() {
    // TestOpen splices "ABCD" in at byte 60 of the signature line (the em dash is three bytes).
    assertEquals(
        NoteCheck.Problem.BAD_SIGNATURE,
        problem(PETER.verify(utf8(TEXT + "\n", splice(PETER_SIG, 60, "ABCD")))));
    // A spliced line from an unknown key does not matter.
    assertEquals(
        new NoteCheck.Verified<>(TEXT),
        PETER.verify(utf8(TEXT + "\n" + PETER_SIG + ENOCH_SIG, splice(ENOCH_SIG, 60, "ABCD"))));
  }

  @Test
  void malformedNotesAsInTheReferenceTests() {
    List<byte[]> bad =
        List.of(
            utf8(TEXT),
            utf8(TEXT + "\n"),
            utf8(TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1)),
            utf8("\u0001" + TEXT + "\n" + PETER_SIG),
            concat(new byte[] {(byte) 0xff}, utf8(TEXT + "\n" + PETER_SIG)),
            utf8(TEXT + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="),
            utf8(TEXT + "\n" + PETER_SIG + "Unexpected line.\n"),
            utf8(TEXT + "\n" + PETER_SIG.repeat(101)));
    for (byte[] note : bad) {
      assertEquals(
          NoteCheck.Problem.MALFORMED_NOTE,
          problem(PETER.verify(note)),
          new String(note, StandardCharsets.UTF_8));
    }
  }

  @Test
  void manglingsOfAVerifierKeyAreRefused() {
    // TestNewVerifier: every proper substring, and every single character bumped by one, must be refused.
    byte[] vkey = PETER_VKEY.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i <= vkey.length; i++) {
      for (int j = i + 1; j <= vkey.length; j++) {
        if (i != 0 || j != vkey.length) {
          String mangled = new String(vkey, i, j - i, StandardCharsets.US_ASCII);
          assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(mangled), mangled);
        }
      }
    }
    for (int i = 0; i < vkey.length; i++) {
      byte[] bumped = vkey.clone();
      bumped[i]++;
      String mangled = new String(bumped, StandardCharsets.US_ASCII);
      assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(mangled), mangled);
    }
    // A wrong-length key and an unknown algorithm, each with a key ID that matches.
    assertThrows(
        IllegalArgumentException.class,
        () -> NoteVerifierKey.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
    assertThrows(
        IllegalArgumentException.class,
        () -> NoteVerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
  }

  private static NoteCheck.Problem problem(NoteCheck<?> check) {
    return assertInstanceOf(NoteCheck.Rejected.class, check).problem();
  }

  private static byte[] utf8(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String part : parts) {
      out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String splice(String line, int atByte, String insert) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new String(concat(Arrays.copyOf(bytes, atByte), utf8(insert),
        Arrays.copyOfRange(bytes, atByte, bytes.length)), StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
