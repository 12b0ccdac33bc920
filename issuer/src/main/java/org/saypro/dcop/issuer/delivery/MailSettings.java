package org.saypro.dcop.issuer.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Optional;

/**
 * SMTP for learner emails. Without a host, delivery is off: emails wait in the outbox, and the log says so.
 *
 * @param smtpHost the SMTP server ({@code DCOP_SMTP_HOST})
 * @param starttls require STARTTLS (on by default; off only for a local test server)
 * @param interval how often the outbox is looked at
 * @param claimValidity how long a claim link works
 */
@ConfigurationProperties("dcop.mail")
public record MailSettings(
    @Nullable String smtpHost,
    int smtpPort,
    @Nullable String username,
    @Nullable String password,
    String from,
    boolean starttls,
    Duration interval,
    Duration claimValidity) {

  public Optional<String> host() {
    return Optional.ofNullable(smtpHost).filter(h -> !h.isBlank());
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "MailSettings[host=" + smtpHost + ", port=" + smtpPort + ", from=" + from + ", starttls=" + starttls + "]";
  }
}
