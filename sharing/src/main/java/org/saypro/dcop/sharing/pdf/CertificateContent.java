package org.saypro.dcop.sharing.pdf;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.sharing.CredentialText;

/**
 * What a PDF certificate shows, and the credential it carries as an attachment.
 *
 * @param verificationUrl the credential's public page, printed and drawn as the QR code
 * @param credential the signed credential, attached so the verify page can read it back from the file
 */
public record CertificateContent(
    String achievementName,
    Optional<String> recipientName,
    String issuerName,
    LocalDate issuedOn,
    Optional<LocalDate> validUntil,
    String verificationUrl,
    CertificateMark mark,
    CredentialText credential) {

  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_URL_LENGTH = 500;

  public CertificateContent {
    requireName("achievementName", achievementName);
    Objects.requireNonNull(recipientName, "recipientName");
    recipientName.ifPresent(name -> requireName("recipientName", name));
    requireName("issuerName", issuerName);
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(validUntil, "validUntil");
    if (validUntil.isPresent() && validUntil.get().isBefore(issuedOn)) {
      throw new IllegalArgumentException("validUntil is before issuedOn");
    }
    requireHttpUrl(verificationUrl);
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(credential, "credential");
  }

  private static void requireName(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(field + " is 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(field + " contains control characters");
    }
  }

  /** ASCII only, as URLs travel: it must fit the QR code at level Q whatever it holds (500 bytes is version 19). */
  private static void requireHttpUrl(String url) {
    if (url == null || url.length() > MAX_URL_LENGTH || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("verificationUrl is an http(s) URL of at most " + MAX_URL_LENGTH
          + " printable ASCII characters (other characters percent-encoded)");
    }
    try {
      URI uri = new URI(url);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException("verificationUrl is an absolute http(s) URL: " + url);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("verificationUrl is not a URL: " + e.getMessage());
    }
  }
}
