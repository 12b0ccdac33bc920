package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.community.testing.LocalS3Server;

/**
 * The resource library with DCOP_RESOURCE_STORE=s3 against a real S3 API server on loopback: uploads land in the
 * bucket under their version's generated key and nowhere on disk, downloads stream back from it, and a refused
 * upload leaves the bucket as it was.
 */
class ResourceLibraryS3IT {

  private static final int LIMIT = ResourceLibraryIT.LIMIT;
  private static final byte[] PDF = ResourceLibraryIT.PDF;

  @TempDir static Path dataDir;
  static LocalS3Server s3;
  static TestServer server;
  static CommunitySupport community;

  @BeforeAll
  static void start() {
    s3 = LocalS3Server.start();
    Map<String, Object> properties = new HashMap<>(CommunitySupport.PROPERTIES);
    properties.putAll(s3.properties());
    properties.put("dcop.community.resources.max-bytes", LIMIT);
    server = TestServer.start(dataDir, TestServer.freePort(), properties);
    community = new CommunitySupport(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    s3.close();
  }

  @Test
  void uploadsAreStoredInTheBucketAndDownloadedFromIt() throws Exception {
    Member author = community.member("S3 author");
    Member coordinator = community.coordinator("S3 coordinator", "digital-learning");
    HttpResponse<String> created = ResourceLibraryIT.upload(author.api(), "/community/resources",
        ResourceLibraryIT.metadata("Stored in S3"), "toolkit.pdf", "application/pdf", PDF);
    assertEquals(201, created.statusCode(), created.body());
    String id = TestServer.json(created).get("id").asText();

    List<String> keys = s3.keys();
    assertEquals(1, keys.size(), keys.toString());
    assertEquals(1, community.count("select count(*) from resource_version where resource_id = '" + id
        + "' and version = 1 and storage_key = '" + keys.get(0) + "'"), "the object is named by the version's key");
    assertArrayEquals(PDF, s3.object(keys.get(0)));
    assertFalse(Files.exists(dataDir.resolve("resources")), "nothing is written to the disk store");

    String path = "/community/resources/" + id;
    HttpResponse<String> draft = author.api().get(path + "/versions/1/file", "*/*");
    assertEquals(200, draft.statusCode());
    assertEquals(new String(PDF, StandardCharsets.US_ASCII), draft.body());

    assertEquals(200, author.api().postJson(path + "/versions/1/submission", "").statusCode());
    assertEquals(200, coordinator.api().postJson(path + "/versions/1/review", "{\"decision\": \"approve\"}")
        .statusCode());
    HttpResponse<String> download = community.member("S3 reader").api().get(path + "/versions/1/file", "*/*");
    assertEquals(200, download.statusCode());
    assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.body());
  }

  @Test
  void aRefusedUploadLeavesTheBucketAsItWas() throws Exception {
    Member author = community.member("S3 uploader");
    long before = s3.storedObjects();
    HttpResponse<String> large = ResourceLibraryIT.upload(author.api(), "/community/resources",
        ResourceLibraryIT.metadata("Too large for S3"), "big.txt", "text/plain",
        "a".repeat(LIMIT + 1).getBytes(StandardCharsets.US_ASCII));
    assertEquals(413, large.statusCode(), large.body());
    byte[] executable = new byte[512];
    executable[0] = 'M';
    executable[1] = 'Z';
    assertEquals(400, ResourceLibraryIT.upload(author.api(), "/community/resources",
        ResourceLibraryIT.metadata("Disguised"), "report.pdf", "application/pdf", executable).statusCode());
    assertEquals(before, s3.storedObjects());
    assertEquals(0, community.count("select count(*) from resource where author_id = '" + author.id() + "'"));
  }
}
