package org.saypro.dcop.accounts.organisations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An organisation. {@code issuerDid} is present when it issues credentials here.
 *
 * @param slug its name in URLs and in its DID ({@code did:web:<host>:issuers:<slug>}): lower-case letters, digits and
 *     inner hyphens, at most 40 characters
 */
public record Organisation(
    UUID id,
    String slug,
    String name,
    OrganisationKind kind,
    Optional<String> description,
    Optional<String> website,
    Optional<String> issuerDid,
    Instant createdAt) {

  /** The SayPro organisation, created at first start; it owns the service's own DID. */
  public static final String SAYPRO_SLUG = "saypro";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");

  public Organisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(website, "website");
    Objects.requireNonNull(issuerDid, "issuerDid");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!isSlug(slug)) {
      throw new IllegalArgumentException("an organisation slug is 1 to 40 lower-case letters, digits and inner hyphens");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("an organisation name is 1 to 200 characters");
    }
    if (website.isPresent() && !website.get().matches("https?://.{1,490}")) {
      throw new IllegalArgumentException("a website is an http(s) URL");
    }
  }

  public static boolean isSlug(String text) {
    return text != null && SLUG.matcher(text).matches();
  }
}
