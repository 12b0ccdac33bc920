package org.saypro.dcop.community.resources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.community.testing.LocalS3Server;

/** The S3 store against a real S3 API server (S3Proxy on loopback): the contract, and S3's own failures. */
class S3ResourceStoreTest extends ResourceStoreContract {

  private static LocalS3Server server;
  private static S3ResourceStore store;

  @BeforeAll
  static void start() {
    server = LocalS3Server.start();
    store = S3ResourceStore.open(server.settings());
  }

  @AfterEach
  void empty() {
    server.clear();
  }

  @AfterAll
  static void stop() throws Exception {
    store.close();
    server.close();
  }

  @Override
  ResourceStore store() {
    return store;
  }

  @Override
  long storedObjects() {
    return server.storedObjects();
  }

  @Test
  void objectsAreNamedByTheKeyAlone() throws IOException {
    String key = ResourceStore.newKey();
    store.put(key, new ByteArrayInputStream("hello".getBytes()), 5);
    assertArrayEquals("hello".getBytes(), server.object(key));
  }

  @Test
  void aMissingBucketOrAWrongSecretStopsTheStartWithoutShowingTheSecret() {
    S3Settings good = server.settings();
    S3Settings noBucket = new S3Settings(good.endpoint(), "no-such-bucket", good.region(), good.accessKey(),
        good.secretKey(), true, good.connectTimeout(), good.readTimeout());
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> S3ResourceStore.open(noBucket));
    assertTrue(missing.getMessage().contains("no-such-bucket does not exist"), missing.getMessage());
    assertFalse(missing.getMessage().contains(good.secretKey()), missing.getMessage());

    S3Settings wrongSecret = new S3Settings(good.endpoint(), good.bucket(), good.region(), good.accessKey(),
        "a-wrong-secret-key", true, good.connectTimeout(), good.readTimeout());
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> S3ResourceStore.open(wrongSecret));
    assertFalse(refused.getMessage().contains("a-wrong-secret-key"), refused.getMessage());
  }

  @Test
  void aSilentEndpointFailsWithinTheTimeouts() throws IOException {
    // A listening socket that never answers: the read timeout, not the test's patience, ends the request.
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      S3Settings good = server.settings();
      S3Settings settings = new S3Settings(java.net.URI.create("http://127.0.0.1:" + silent.getLocalPort()),
          good.bucket(), good.region(), good.accessKey(), good.secretKey(), true, Duration.ofSeconds(1),
          Duration.ofMillis(500));
      long started = System.nanoTime();
      assertThrows(IllegalStateException.class, () -> S3ResourceStore.open(settings));
      assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(15)) < 0);
    }
  }
}
