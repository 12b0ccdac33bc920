package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start without DCOP_ADMIN_PASSWORD prints a generated password once; later starts print nothing. */
class FirstStartIT {

  private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

  @TempDir Path dataDir;

  @Test
  void aGeneratedPasswordIsPrintedOnceAndWorks() {
    Map<String, Object> noPassword = Map.of("dcop.admin.email", "first@test.example", "dcop.admin.password", "");
    int port = TestServer.freePort();
    String first = captured(() -> TestServer.startWithoutSignIn(dataDir, port, noPassword));
    Matcher matcher = PASSWORD.matcher(first);
    assertTrue(matcher.find(), "the banner shows the password: " + first);
    String password = matcher.group(1);
    assertFalse(matcher.find(), "shown once");
    assertTrue(password.length() >= 20);
    // it works, and it never went through the logger (whose lines carry a level)
    TestServer restarted = TestServer.startWithoutSignIn(dataDir, TestServer.freePort(), noPassword);
    try {
      restarted.signIn("first@test.example", password);
    } finally {
      restarted.close();
    }
    String second = captured(() -> TestServer.startWithoutSignIn(dataDir, TestServer.freePort(), noPassword));
    assertFalse(second.contains("first platform admin"), "printed once only");
    assertFalse(second.contains(password));
  }

  @Test
  void theJwtSecretIsKeptForTheOwnerOnly() throws Exception {
    int port = TestServer.freePort();
    try (TestServer server = TestServer.start(dataDir, port, Map.of())) {
      Path secret = dataDir.resolve("keys/jwt-secret");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
      assertTrue(Files.readString(secret).length() >= 32);
    }
  }

  /** Starts a server while standard output is copied, closes it, and gives what was printed. */
  private static String captured(java.util.function.Supplier<TestServer> start) {
    PrintStream original = System.out;
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
    try {
      start.get().close();
    } finally {
      System.setOut(original);
    }
    return copy.toString(StandardCharsets.UTF_8);
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
