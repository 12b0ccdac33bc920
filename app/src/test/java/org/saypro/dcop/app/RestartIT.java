package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and credentials survive a restart on the same data directory; a wrong KEK stops the server. */
class RestartIT {

  @TempDir Path dataDir;

  @Test
  void credentialIssuedBeforeARestartIsFetchedAndVerifiedAfterIt() throws Exception {
    String location;
    JsonNode enveloped;
    String didDocument;
    int port;
    try (TestServer first = TestServer.start(dataDir)) {
      port = first.port;
      HttpResponse<String> issued = first.postJson("/credentials/issue", first.issueRequest("Thandi"));
      assertEquals(201, issued.statusCode(), issued.body());
      location = issued.headers().firstValue("Location").orElseThrow();
      enveloped = TestServer.json(issued).get("verifiableCredential");
      didDocument = first.get("/.well-known/did.json", "application/json").body();
    }
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/kek"))));

    try (TestServer second = TestServer.start(dataDir, port, Map.of())) {
      assertEquals(didDocument, second.get("/.well-known/did.json", "application/json").body(), "same keys");
      String path = location.substring(location.indexOf("/credentials/"));
      HttpResponse<String> fetched = second.get(path, "application/json");
      assertEquals(200, fetched.statusCode());
      assertEquals(enveloped, TestServer.json(fetched));
      JsonNode report =
          TestServer.json(second.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
      assertTrue(report.get("verified").asBoolean(), report.toString());
    }
  }

  @Test
  void theEmbeddedDatabaseFlushesEveryCommitToDisk() throws Exception {
    try (TestServer server = TestServer.start(dataDir);
        java.sql.Connection sql = server.sql();
        java.sql.Statement statement = sql.createStatement();
        java.sql.ResultSet settings = statement.executeQuery(
            "select current_setting('fsync'), current_setting('synchronous_commit'),"
                + " current_setting('full_page_writes')")) {
      settings.next();
      assertEquals("on", settings.getString(1), "fsync: without it an OS crash can corrupt the data directory");
      assertEquals("on", settings.getString(2), "synchronous_commit: a commit is on disk before it is answered");
      assertEquals("on", settings.getString(3), "full_page_writes: torn pages are repaired after a crash");
    }
  }

  @Test
  void theEmbeddedDatabaseBuffersABulkChunksWalInMemory() throws Exception {
    try (TestServer server = TestServer.start(dataDir);
        java.sql.Connection sql = server.sql();
        java.sql.Statement statement = sql.createStatement();
        java.sql.ResultSet setting = statement.executeQuery("select current_setting('wal_buffers')")) {
      setting.next();
      assertEquals("64MB", setting.getString(1),
          "wal_buffers: PostgreSQL's default (4MB) is smaller than one bulk chunk's WAL (ADR 33)");
    }
  }

  @Test
  void aDifferentKeyEncryptionKeyRefusesToStart() {
    int port;
    try (TestServer first = TestServer.start(dataDir)) {
      port = first.port;
      assertEquals(200, first.get("/.well-known/did.json", "application/json").statusCode());
    }
    String otherKek = Base64.getEncoder().encodeToString(new byte[32]);
    RuntimeException refused =
        assertThrows(
            RuntimeException.class, () -> TestServer.start(dataDir, port, Map.of("dcop.kek", otherKek)).close());
    Throwable root = refused;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertTrue(root.getMessage().contains("DCOP_KEK"), root.getMessage());
  }
}
