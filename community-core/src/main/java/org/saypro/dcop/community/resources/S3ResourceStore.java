package org.saypro.dcop.community.resources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files as objects named by their key in one bucket of an S3-compatible store. A put reads the stream in parts of
 * {@link #PART_BYTES}, counting as it goes: a stream that ends within the first part is sent as one object, a longer
 * one as a multipart upload, which S3 shows only once it is completed. Past the limit, or on any failure, the upload
 * is aborted, so the store keeps nothing. Reads stream from the store; the HTTP client has a connect and a read
 * timeout, so a silent store fails a request rather than holding it.
 */
public final class S3ResourceStore implements ResourceStore {

  /** S3's smallest part but the last: the most a put holds in memory at once. */
  static final int PART_BYTES = 5 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;

  private S3ResourceStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** Connects and checks that the bucket can be reached, so a wrong setting stops the start rather than an upload. */
  public static S3ResourceStore open(S3Settings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
        .forcePathStyle(settings.pathStyle())
        // Checksums only where S3 requires them: the SDK's default trailing CRC checksums are refused by many
        // S3-compatible servers, and the bytes were hashed already (SHA-256 in the version row).
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.readTimeout()));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    S3Client s3 = builder.build();
    try {
      s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (NoSuchBucketException e) {
      s3.close();
      throw new IllegalStateException("the S3 bucket " + settings.bucket() + " does not exist (" + settings + ")", e);
    } catch (SdkException e) {
      s3.close();
      throw new IllegalStateException("the S3 bucket cannot be reached (" + settings + "): " + e.getMessage(), e);
    }
    return new S3ResourceStore(s3, settings.bucket());
  }

  @Override
  public long put(String key, InputStream content, long maxBytes) throws IOException {
    ResourceStore.checkKey(key);
    byte[] first = part(content, maxBytes, 0);
    if (first.length < PART_BYTES) {
      if (first.length > maxBytes) {
        throw new TooLarge(maxBytes);
      }
      call(() -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(first)));
      return first.length;
    }
    return multipart(key, first, content, maxBytes);
  }

  private long multipart(String key, byte[] first, InputStream content, long maxBytes) throws IOException {
    String upload = call(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId());
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long total = 0;
      for (byte[] part = first; part.length > 0; part = part(content, maxBytes, total)) {
        total += part.length;
        if (total > maxBytes) {
          throw new TooLarge(maxBytes);
        }
        int number = parts.size() + 1;
        byte[] bytes = part;
        String etag = call(() -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number),
            RequestBody.fromBytes(bytes)).eTag());
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      call(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
          .multipartUpload(m -> m.parts(parts))));
      return total;
    } catch (IOException | RuntimeException | Error e) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
      } catch (SdkException abort) {
        e.addSuppressed(abort);
      }
      throw e;
    }
  }

  /** The next part: up to PART_BYTES, and never more than one byte past the limit in all. */
  private static byte[] part(InputStream content, long maxBytes, long stored) throws IOException {
    long room = maxBytes - stored;
    return content.readNBytes(room >= PART_BYTES ? PART_BYTES : (int) room + 1);
  }

  @Override
  public InputStream get(String key) throws IOException {
    ResourceStore.checkKey(key);
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(key);
    } catch (SdkException e) {
      throw new IOException("the S3 store could not be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    ResourceStore.checkKey(key);
    call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
  }

  @Override
  public void close() {
    s3.close();
  }

  private interface Call<T> {
    T run();
  }

  /** The SDK's unchecked exceptions as the port's IOException. */
  private static <T> T call(Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (S3Exception e) {
      throw new IOException("the S3 store refused the request: " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("the S3 store could not be reached: " + e.getMessage(), e);
    }
  }
}
