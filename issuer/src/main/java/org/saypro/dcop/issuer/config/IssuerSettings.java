package org.saypro.dcop.issuer.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.nio.file.Path;

/**
 * @param publicUrl where this service is reached ({@code DCOP_PUBLIC_URL}); the issuer's did:web is derived from it
 * @param dataDir where local state lives ({@code DCOP_DATA_DIR}): the embedded database, a generated KEK
 * @param kek the base64 key-encryption key ({@code DCOP_KEK}); when empty a generated key file is used
 * @param maxJsonBytes the largest JSON request body accepted
 */
@ConfigurationProperties("dcop")
public record IssuerSettings(URI publicUrl, Path dataDir, @Nullable String kek, int maxJsonBytes) {
  public IssuerSettings {
    if (publicUrl == null || publicUrl.getHost() == null
        || !(publicUrl.getScheme().equals("https") || publicUrl.getScheme().equals("http"))) {
      throw new IllegalArgumentException("dcop.public-url (DCOP_PUBLIC_URL) must be an http(s) URL with a host");
    }
    if (maxJsonBytes < 1024) {
      throw new IllegalArgumentException("dcop.max-json-bytes must be at least 1024");
    }
  }

  /** The public URL without a trailing slash, for building links. */
  public String baseUrl() {
    String text = publicUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
