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
 * @param defaultSecuring how credentials are secured when a request does not say ({@code DCOP_DEFAULT_SECURING}):
 *     {@code vc+jwt}, {@code eddsa-rdfc-2022} or {@code ecdsa-rdfc-2019}
 */
@ConfigurationProperties("dcop")
public record IssuerSettings(
    URI publicUrl, Path dataDir, @Nullable String kek, int maxJsonBytes, String defaultSecuring) {

  public IssuerSettings {
    if (!SECURING.contains(defaultSecuring)) {
      throw new IllegalArgumentException("dcop.default-securing (DCOP_DEFAULT_SECURING) must be one of " + SECURING);
    }
    if (publicUrl == null || publicUrl.getHost() == null
        || !(publicUrl.getScheme().equals("https") || publicUrl.getScheme().equals("http"))) {
      throw new IllegalArgumentException("dcop.public-url (DCOP_PUBLIC_URL) must be an http(s) URL with a host");
    }
    if (maxJsonBytes < 1024) {
      throw new IllegalArgumentException("dcop.max-json-bytes must be at least 1024");
    }
  }

  private static final java.util.List<String> SECURING = java.util.List.of("vc+jwt", "eddsa-rdfc-2022", "ecdsa-rdfc-2019");

  /** The issue options a request starts from. */
  public org.saypro.dcop.core.issue.IssueOptions defaultIssueOptions() {
    return org.saypro.dcop.core.dataintegrity.Cryptosuite.fromId(defaultSecuring)
        .map(suite -> new org.saypro.dcop.core.issue.IssueOptions(
            new org.saypro.dcop.core.issue.IssueOptions.Securing.Proof(suite)))
        .orElse(org.saypro.dcop.core.issue.IssueOptions.DEFAULT);
  }

  /** The public URL without a trailing slash, for building links. */
  public String baseUrl() {
    String text = publicUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
