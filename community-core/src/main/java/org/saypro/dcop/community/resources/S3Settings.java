package org.saypro.dcop.community.resources;

import io.micronaut.core.value.PropertyResolver;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how the S3 store reaches its bucket.
 *
 * @param endpoint the S3 API's base URL (http or https), or null for AWS itself in the region
 * @param bucket the bucket holding the files; it must exist already
 * @param region the signing region (S3-compatible stores mostly accept any, often {@code us-east-1})
 * @param accessKey the access key id
 * @param secretKey the secret access key; never printed by {@link #toString()}
 * @param pathStyle {@code <endpoint>/<bucket>/<key>} instead of {@code <bucket>.<endpoint>/<key>}: most
 *     S3-compatible servers need it
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a read may wait for the next bytes, also while a download streams
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
    boolean pathStyle, Duration connectTimeout, Duration readTimeout) {

  /** S3's rules for bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending alike. */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private static final String PREFIX = "dcop.community.resources.s3.";

  public S3Settings {
    if (endpoint != null && endpoint.getRawUserInfo() != null) {
      // Not echoed: the user info may be a key pair pasted into the URL.
      throw new IllegalArgumentException("the S3 endpoint must not carry credentials; use the access and secret keys");
    }
    if (endpoint != null && (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
        || endpoint.getHost() == null)) {
      throw new IllegalArgumentException("the S3 endpoint must be an http or https URL: " + endpoint);
    }
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("the S3 bucket must be 3 to 63 of a-z, 0-9, '.' and '-': " + bucket);
    }
    if (region == null || !region.matches("[a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("the S3 region must be a region name such as us-east-1: " + region);
    }
    if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("the S3 store needs an access key and a secret key");
    }
    positive(connectTimeout, "connect timeout");
    positive(readTimeout, "read timeout");
  }

  /** The settings under {@code dcop.community.resources.s3} (DCOP_S3_*), with their defaults. */
  public static S3Settings from(PropertyResolver config) {
    String endpoint = config.get(PREFIX + "endpoint", String.class).filter(e -> !e.isBlank()).orElse(null);
    return new S3Settings(endpoint == null ? null : URI.create(endpoint.strip()),
        config.get(PREFIX + "bucket", String.class).orElse(null),
        config.get(PREFIX + "region", String.class).filter(r -> !r.isBlank()).orElse("us-east-1"),
        config.get(PREFIX + "access-key", String.class).orElse(null),
        config.get(PREFIX + "secret-key", String.class).orElse(null),
        config.get(PREFIX + "path-style", Boolean.class).orElse(false),
        config.get(PREFIX + "connect-timeout", Duration.class).orElse(Duration.ofSeconds(5)),
        config.get(PREFIX + "read-timeout", Duration.class).orElse(Duration.ofSeconds(30)));
  }

  /** Everything but the secret key. */
  @Override
  public String toString() {
    return "S3Settings[endpoint=" + (endpoint == null ? "AWS" : endpoint) + ", bucket=" + bucket + ", region=" + region
        + ", accessKey=" + accessKey + ", secretKey=<redacted>, pathStyle=" + pathStyle + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + "]";
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the S3 " + name + " must be positive: " + duration);
    }
  }
}
