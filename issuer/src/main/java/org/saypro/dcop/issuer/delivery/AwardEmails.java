package org.saypro.dcop.issuer.delivery;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The email that tells a learner about an award, with a link to claim and view it, queued with the credential. */
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

  /** Queues one email per award, each with its own claim link, in the caller's transaction. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void awarded(List<Award> awards) {
    if (awards.isEmpty()) {
      return;
    }
    List<String> links = claims.create(awards.stream().map(Award::credential).toList());
    List<EmailOutbox.Email> emails = new ArrayList<>(awards.size());
    for (int i = 0; i < awards.size(); i++) {
      Award award = awards.get(i);
      String subject = award.organisation() + " has awarded you: " + award.title();
      String body = "Hello " + award.name().orElse("there") + ",\n\n"
          + award.organisation() + " has awarded you \"" + award.title() + "\".\n\n"
          + "Open your credential here (the link is yours; keep it private):\n" + links.get(i) + "\n\n"
          + "From there you can download it, share it, and anyone you show it to can check that it is genuine,"
          + " still valid and not revoked.\n";
      emails.add(new EmailOutbox.Email(award.email(), subject, body, award.credential()));
    }
    outbox.enqueue(emails);
  }
}
