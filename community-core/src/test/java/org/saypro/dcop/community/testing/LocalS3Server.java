package org.saypro.dcop.community.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.saypro.dcop.community.resources.S3Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API server for tests: S3Proxy over jclouds' in-memory blob store, on a free loopback port, checking
 * AWS signatures against its own key pair, with one empty bucket. Shipped in community-core's test jar for the app's
 * integration tests.
 */
public final class LocalS3Server implements AutoCloseable {

  public static final String BUCKET = "dcop-resources";
  private static final String ACCESS_KEY = "dcop-test";
  private static final String SECRET_KEY = "dcop-test-secret-not-for-production";

  private final BlobStoreContext blobs;
  private final S3Proxy proxy;
  private final S3Client client;

  private LocalS3Server(BlobStoreContext blobs, S3Proxy proxy) {
    this.blobs = blobs;
    this.proxy = proxy;
    this.client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    client.createBucket(b -> b.bucket(BUCKET));
  }

  public static LocalS3Server start() {
    BlobStoreContext blobs = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        Thread.sleep(10);
      }
      return new LocalS3Server(blobs, proxy);
    } catch (Exception e) {
      blobs.close();
      throw new IllegalStateException("S3Proxy could not be started", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Settings for a store in the bucket: path style, short timeouts. */
  public S3Settings settings() {
    return new S3Settings(endpoint(), BUCKET, "us-east-1", ACCESS_KEY, SECRET_KEY, true, Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /** The same settings as server properties (what DCOP_RESOURCE_STORE=s3 and DCOP_S3_* set). */
  public Map<String, Object> properties() {
    return Map.of("dcop.community.resources.store", "s3",
        "dcop.community.resources.s3.endpoint", endpoint().toString(),
        "dcop.community.resources.s3.bucket", BUCKET,
        "dcop.community.resources.s3.region", "us-east-1",
        "dcop.community.resources.s3.access-key", ACCESS_KEY,
        "dcop.community.resources.s3.secret-key", SECRET_KEY,
        "dcop.community.resources.s3.path-style", true);
  }

  /**
   * Everything the bucket holds: its objects (S3Proxy keeps the parts of unfinished multipart uploads as objects
   * too) and the multipart uploads still open.
   */
  public long storedObjects() {
    long objects = client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().count();
    return objects + client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size();
  }

  /** The keys of the bucket's objects. */
  public List<String> keys() {
    return client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
  }

  /** Empties the bucket, unfinished uploads included, between tests. */
  public void clear() {
    client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()
        .forEach(u -> client.abortMultipartUpload(b -> b.bucket(BUCKET).key(u.key()).uploadId(u.uploadId())));
    client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()
        .forEach(o -> client.deleteObject(b -> b.bucket(BUCKET).key(o.key())));
  }

  /** The object's bytes as the server holds them, read past the store under test. */
  public byte[] object(String key) {
    return client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
    blobs.close();
  }
}
