package org.saypro.dcop.issuer.delivery;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The email that tells a learner about an award, with a link to claim and view it. It is queued with the credential,
 * in the same transaction, but written out, link included, only when it is sent (ADR 34): the outbox never holds a
 * live link, and a link sent after an SMTP outage is valid for its full time from the day it leaves.
 */
@Singleton
public class AwardEmails {

  private final EmailOutbox outbox;
  private final ClaimLinks claims;

  AwardEmails(EmailOutbox outbox, ClaimLinks claims) {
    this.outbox = outbox;
    this.claims = claims;
  }

  /** A credential just awarded to a learner named by email. */
  public record Award(UUID credential, String email, Optional<String> name, String organisation, String title) {}

  /** Queues one email per award in the caller's transaction. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void awarded(List<Award> awards) {
    if (!awards.isEmpty()) {
      outbox.enqueue(awards);
    }
  }

  static String subject(Award award) {
    return award.organisation() + " has awarded you: " + award.title();
  }

  /** The text of the email, with a claim link made now. */
  String body(Award award) {
    String link = claims.create(award.credential());
    return "Hello " + award.name().orElse("there") + ",\n\n"
        + award.organisation() + " has awarded you \"" + award.title() + "\".\n\n"
        + "Open your credential here (the link is yours; keep it private):\n" + link + "\n\n"
        + "From there you can download it, share it, and anyone you show it to can check that it is genuine,"
        + " still valid and not revoked.\n";
  }
}
