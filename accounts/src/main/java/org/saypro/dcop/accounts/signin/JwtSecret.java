package org.saypro.dcop.accounts.signin;

import java.util.Objects;

/**
 * The HMAC secret behind access and session tokens. Other secrets (the form tokens against cross-site requests) are
 * derived from it, so that every instance sharing a database and this secret accepts the same sessions and forms.
 */
public record JwtSecret(String value) {

  public JwtSecret {
    Objects.requireNonNull(value, "value");
  }

  /** Never the secret itself: records print their fields. */
  @Override
  public String toString() {
    return "JwtSecret[redacted]";
  }
}
