package org.saypro.dcop.issuer.delivery;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
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

  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void awarded(UUID credential, String email, Optional<String> name, String organisation, String title) {
    String link = claims.create(credential);
    String subject = organisation + " has awarded you: " + title;
    String body = "Hello " + name.orElse("there") + ",\n\n"
        + organisation + " has awarded you \"" + title + "\".\n\n"
        + "Open your credential here (the link is yours; keep it private):\n" + link + "\n\n"
        + "From there you can download it, share it, and anyone you show it to can check that it is genuine,"
        + " still valid and not revoked.\n";
    outbox.enqueue(email, subject, body, credential);
  }
}
