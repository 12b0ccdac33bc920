package org.saypro.dcop.community.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S3 settings: what is refused, the defaults, and a toString that never shows the secret key. */
class S3SettingsTest {

  private static final Duration FIVE = Duration.ofSeconds(5);

  private static S3Settings settings(String endpoint, String bucket, String region, String access, String secret) {
    return new S3Settings(endpoint == null ? null : URI.create(endpoint), bucket, region, access, secret, true, FIVE,
        FIVE);
  }

  @Test
  void toStringNeverShowsTheSecretKey() {
    S3Settings settings = settings("https://s3.example.org", "dcop-files", "eu-west-1", "AKIAEXAMPLE", "s3cr3t-v4lue");
    assertFalse(settings.toString().contains("s3cr3t-v4lue"), settings.toString());
    assertTrue(settings.toString().contains("secretKey=<redacted>"), settings.toString());
    assertTrue(settings.toString().contains("AKIAEXAMPLE") && settings.toString().contains("dcop-files"));
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> settings("ftp://s3.example.org", "dcop", "us-east-1", "a", "s"));
    assertThrows(IllegalArgumentException.class, () -> settings("https://", "dcop", "us-east-1", "a", "s"));
    assertThrows(IllegalArgumentException.class, () -> settings(null, "Dcop_Files", "us-east-1", "a", "s"));
    assertThrows(IllegalArgumentException.class, () -> settings(null, null, "us-east-1", "a", "s"));
    assertThrows(IllegalArgumentException.class, () -> settings(null, "dcop", "US East", "a", "s"));
    assertThrows(IllegalArgumentException.class, () -> settings(null, "dcop", "us-east-1", "a", ""));
    assertThrows(IllegalArgumentException.class, () -> settings(null, "dcop", "us-east-1", null, "s"));
    assertThrows(IllegalArgumentException.class, () -> new S3Settings(null, "dcop", "us-east-1", "a", "s", true,
        Duration.ZERO, FIVE));
    IllegalArgumentException withUserInfo = assertThrows(IllegalArgumentException.class,
        () -> settings("https://key:pasted-secret@s3.example.org", "dcop", "us-east-1", "a", "s"));
    assertFalse(withUserInfo.getMessage().contains("pasted-secret"), withUserInfo.getMessage());
  }

  @Test
  void readFromConfigurationWithDefaults() {
    S3Settings settings = S3Settings.from(new PropertySourcePropertyResolver(PropertySource.of(Map.of(
        "dcop.community.resources.s3.bucket", "dcop-files",
        "dcop.community.resources.s3.endpoint", "",
        "dcop.community.resources.s3.access-key", "AKIAEXAMPLE",
        "dcop.community.resources.s3.secret-key", "s3cr3t",
        "dcop.community.resources.s3.read-timeout", "2m"))));
    assertNull(settings.endpoint());
    assertEquals("dcop-files", settings.bucket());
    assertEquals("us-east-1", settings.region());
    assertFalse(settings.pathStyle());
    assertEquals(FIVE, settings.connectTimeout());
    assertEquals(Duration.ofMinutes(2), settings.readTimeout());
  }
}
