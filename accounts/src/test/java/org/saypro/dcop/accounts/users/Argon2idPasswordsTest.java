package org.saypro.dcop.accounts.users;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idPasswordsTest {

  private final Argon2idPasswords passwords = new Argon2idPasswords(Argon2idPasswords.Cost.OWASP);

  @Test
  void hashThenVerify() {
    String phc = passwords.hash("correct horse battery staple");
    assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
    assertTrue(passwords.verify("correct horse battery staple", phc));
  }

  @Test
  void wrongPasswordFails() {
    String phc = passwords.hash("correct horse battery staple");
    assertFalse(passwords.verify("correct horse battery stapler", phc));
    assertFalse(passwords.verify("", phc));
  }

  @Test
  void saltIsRandom() {
    assertNotEquals(passwords.hash("same"), passwords.hash("same"));
  }

  @Test
  void phcStringIsTakenApart() {
    // the form the reference implementation prints (salt "somesalt", a 24-byte hash)
    String phc = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
    Argon2idPasswords.Parsed parsed = Argon2idPasswords.parse(phc).orElseThrow();
    assertEquals(new Argon2idPasswords.Cost(65536, 3, 4), parsed.cost());
    assertEquals("somesalt", new String(parsed.salt(), java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(24, parsed.hash().length);
  }

  @Test
  void notArgon2idIsRefusedNotThrown() {
    assertTrue(Argon2idPasswords.parse("$argon2i$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")
        .isEmpty());
    assertTrue(Argon2idPasswords.parse("$2y$10$abcdefghijklmnopqrstuv").isEmpty());
    assertFalse(passwords.verify("x", "plaintext"));
    assertFalse(passwords.verify("x", null));
  }

  @Test
  void weakerOldHashesAskForRehash() {
    Argon2idPasswords old = new Argon2idPasswords(new Argon2idPasswords.Cost(8192, 1, 1));
    String phc = old.hash("pw");
    assertTrue(passwords.needsRehash(phc));
    assertTrue(passwords.verify("pw", phc), "old parameters still verify: they are read from the hash");
    assertFalse(passwords.needsRehash(passwords.hash("pw")));
  }

  /** RFC 9106 section 5.3: the Argon2id test vector (with secret and associated data). */
  @Test
  void rfc9106Vector() {
    byte[] password = filled(32, 0x01);
    byte[] salt = filled(16, 0x02);
    byte[] secret = filled(8, 0x03);
    byte[] associated = filled(12, 0x04);
    byte[] tag = Argon2idPasswords.derive(password, salt, secret, associated, new Argon2idPasswords.Cost(32, 3, 4), 32);
    assertArrayEquals(
        HexFormat.of().parseHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
