package org.saypro.dcop.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;

/** C2SP tlog-checkpoint bodies, and checkpoints signed and verified as signed notes. */
class CheckpointTest {

  private static final String ORIGIN = "example.com/dcop-log";
  private static final Hash ROOT = Hash.fromHex(ReferenceTree.ROOTS.get(8));
  private static final Checkpoint CHECKPOINT = new Checkpoint(ORIGIN, 8, ROOT);
  private static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(new SecureRandom());
  private static final CheckpointSigner SIGNER = CheckpointSigner.forOrigin(ORIGIN, KEY);
  private static final CheckpointVerifier VERIFIER = new CheckpointVerifier(SIGNER.verifierKey());

  // tlog-checkpoint.md (C2SP/C2SP commit c0d0289bb8fc9c07c8ffe10a9ebb9bded4a9b500, CC BY 4.0), its only example.
  private static final String SPEC_EXAMPLE =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
          + "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

  @Test
  void theBodyIsThreeLines() {
    assertEquals(ORIGIN + "\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", CHECKPOINT.body());
    assertEquals(CHECKPOINT, Checkpoint.parse(CHECKPOINT.body()));
    assertEquals("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
        new Checkpoint("example.com/log", 0, MerkleHash.empty()).body());
  }

  @Test
  void theSpecificationExampleParses() {
    SignedNote note = SignedNote.parse(SPEC_EXAMPLE);
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    assertEquals("example.com/behind-the-sofa", checkpoint.origin());
    assertEquals(20852163, checkpoint.size());
    assertEquals("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", checkpoint.root().base64());
    assertEquals("example.com/behind-the-sofa", note.signatures().get(0).keyName());
    assertEquals(64, note.signatures().get(0).signature().length);
    assertEquals(SPEC_EXAMPLE, note.encoded());
  }

  @Test
  void malformedBodiesAreRefused() {
    String root = ROOT.base64();
    for (String body :
        List.of(
            ORIGIN + "\n8\n" + root,
            ORIGIN + "\n08\n" + root + "\n",
            ORIGIN + "\n-1\n" + root + "\n",
            ORIGIN + "\n+8\n" + root + "\n",
            ORIGIN + "\n 8\n" + root + "\n",
            ORIGIN + "\n9223372036854775808\n" + root + "\n",
            ORIGIN + "\n8\n" + root.replace("=", "") + "\n",
            ORIGIN + "\n8\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n",
            ORIGIN + "\n8\n" + root + "\nextension line\n",
            ORIGIN + "\n8\n" + root + "\n\n",
            "\n8\n" + root + "\n",
            ORIGIN + "\n8\n")) {
      assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse(body), body);
    }
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint("", 1, ROOT));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a\nb", 1, ROOT));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ORIGIN, -1, ROOT));
  }

  @Test
  void aSignedCheckpointRoundTrips() {
    String note = SIGNER.sign(CHECKPOINT);
    String prefix = CHECKPOINT.body() + "\n— " + ORIGIN + " ";
    assertTrue(note.startsWith(prefix), note);
    byte[] payload = Base64.getDecoder().decode(note.substring(prefix.length(), note.length() - 1));
    assertEquals(68, payload.length, "key ID and a 64-byte Ed25519 signature");
    assertEquals(SIGNER.verifierKey().keyId(), ByteBuffer.wrap(payload).getInt());
    assertEquals(new NoteCheck.Verified<>(CHECKPOINT), VERIFIER.verify(note));
    assertEquals(new NoteCheck.Verified<>(CHECKPOINT), VERIFIER.verify(note.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theKeyIdIsDerivedAsSignedNoteSays() {
    byte[] publicKey = KEY.generatePublicKey().getEncoded();
    byte[] name = ORIGIN.getBytes(StandardCharsets.UTF_8);
    byte[] input = ByteBuffer.allocate(name.length + 2 + 32).put(name).put((byte) 0x0a).put((byte) 0x01)
        .put(publicKey).array();
    byte[] expected = Arrays.copyOf(MerkleHash.sha256(input).bytes(), 4);
    NoteVerifierKey key = SIGNER.verifierKey();
    assertArrayEquals(expected, ByteBuffer.allocate(4).putInt(key.keyId()).array());
    assertEquals(key, NoteVerifierKey.parse(key.encoded()));
    assertArrayEquals(publicKey, key.publicKey());
  }

  @Test
  void changedOrForeignCheckpointsAreRefused() {
    String note = SIGNER.sign(CHECKPOINT);
    assertEquals(
        NoteCheck.Problem.BAD_SIGNATURE,
        problem(VERIFIER.verify(note.replaceFirst("\n8\n", "\n9\n"))));

    CheckpointSigner otherLog = CheckpointSigner.forOrigin(ORIGIN, new Ed25519PrivateKeyParameters(new SecureRandom()));
    assertEquals(NoteCheck.Problem.NO_SIGNATURE_FROM_KEY, problem(VERIFIER.verify(otherLog.sign(CHECKPOINT))));

    String otherOrigin = SIGNER.sign(new Checkpoint("example.org/another-log", 8, ROOT));
    assertEquals(NoteCheck.Problem.WRONG_ORIGIN, problem(VERIFIER.verify(otherOrigin)));

    String notACheckpoint = NoteSigner.ed25519(ORIGIN, KEY).sign("hello\n");
    assertEquals(NoteCheck.Problem.MALFORMED_CHECKPOINT, problem(VERIFIER.verify(notACheckpoint)));

    assertEquals(NoteCheck.Problem.MALFORMED_NOTE, problem(VERIFIER.verify(CHECKPOINT.body())));
  }

  @Test
  void cosignaturesFromOtherKeysDoNotGetInTheWay() {
    String note = SIGNER.sign(CHECKPOINT);
    NoteSigner witness = NoteSigner.ed25519("witness.example", new Ed25519PrivateKeyParameters(new SecureRandom()));
    String cosigned = note + witness.signature(CHECKPOINT.body()).line();
    assertEquals(new NoteCheck.Verified<>(CHECKPOINT), VERIFIER.verify(cosigned));
    assertEquals(
        new NoteCheck.Verified<>(CHECKPOINT),
        new CheckpointVerifier(witness.verifierKey(), ORIGIN).verify(cosigned));
  }

  @Test
  void signsWithAProjectSigningKeyOrAFunction() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, "did:web:example.com");
    CheckpointSigner fromSigningKey = CheckpointSigner.forOrigin(ORIGIN, key);
    assertEquals(
        new NoteCheck.Verified<>(CHECKPOINT),
        new CheckpointVerifier(fromSigningKey.verifierKey()).verify(fromSigningKey.sign(CHECKPOINT)));

    SigningKey p256 = SigningKey.generate(KeyAlgorithm.P256, "did:web:example.com");
    assertThrows(IllegalArgumentException.class, () -> CheckpointSigner.forOrigin(ORIGIN, p256));

    byte[] otherPublicKey = new Ed25519PrivateKeyParameters(new SecureRandom()).generatePublicKey().getEncoded();
    CheckpointSigner mismatched = CheckpointSigner.forOrigin(ORIGIN, otherPublicKey, key::signRaw);
    assertThrows(IllegalStateException.class, () -> mismatched.sign(CHECKPOINT));
  }

  @Test
  void keyNamesFollowSignedNote() {
    byte[] publicKey = KEY.generatePublicKey().getEncoded();
    for (String name : List.of("", "a b", "a+b", "a\u00a0b", "tab\there", "line\nbreak")) {
      assertThrows(IllegalArgumentException.class, () -> new NoteVerifierKey(name, publicKey), name);
    }
    assertEquals("ünïcödé.example/log", new NoteVerifierKey("ünïcödé.example/log", publicKey).name());
    byte[] notAPoint = new byte[32];
    Arrays.fill(notAPoint, (byte) 0xff);
    assertThrows(IllegalArgumentException.class, () -> new NoteVerifierKey(ORIGIN, notAPoint));
    assertThrows(IllegalArgumentException.class, () -> new NoteVerifierKey(ORIGIN, new byte[31]));
  }

  private static NoteCheck.Problem problem(NoteCheck<?> check) {
    return assertInstanceOf(NoteCheck.Rejected.class, check).problem();
  }
}
