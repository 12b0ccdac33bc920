package org.saypro.dcop.issuer.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.AchievementAward;
import org.saypro.dcop.core.openbadges.Evidence;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.credentials.IssueCredentialService;
import org.saypro.dcop.issuer.credentials.IssueResult;
import org.saypro.dcop.issuer.delivery.AwardEmails;

/**
 * Awards a qualification: builds the Open Badges AchievementCredential from the catalogue entry and issues it through
 * the ordinary issuing path (status entries, log, idempotency). An award is idempotent per organisation,
 * qualification and learner: awarding the same qualification to the same learner again returns the first award,
 * which is what makes a re-uploaded or resumed CSV issue nothing twice.
 */
@Singleton
public class AwardQualification {

  private final IssueCredentialService issuing;
  private final IssuerSettings settings;
  private final AwardEmails notify;

  AwardQualification(IssueCredentialService issuing, IssuerSettings settings, AwardEmails notify) {
    this.issuing = issuing;
    this.settings = settings;
    this.notify = notify;
  }

  /** The Achievement id of a qualification: its public URL in the catalogue. */
  public String achievementId(Organisation organisation, Qualification qualification) {
    return settings.baseUrl() + "/organisations/" + organisation.slug() + "/qualifications/" + qualification.code();
  }

  /**
   * @param validFrom when the award takes effect; empty for now
   * @param actor who awards (a user id), recorded in the audit event written with the credential
   * @throws IllegalStateException when the organisation does not issue
   */
  public IssueResult award(
      Organisation organisation, Qualification qualification, Recipient recipient, Optional<Instant> validFrom,
      String actor) {
    return award(organisation, qualification, recipient, validFrom, actor, List.of(), true);
  }

  /**
   * @param evidence what the learner did, carried in the credential (a badge rule's satisfying events)
   * @param notifyLearner false to send no email (a backfill must not flood learners)
   */
  public IssueResult award(
      Organisation organisation, Qualification qualification, Recipient recipient, Optional<Instant> validFrom,
      String actor, List<Evidence> evidence, boolean notifyLearner) {
    String issuerDid = organisation.issuerDid().orElseThrow(() -> new IllegalStateException("not an issuer"));
    Instant from = validFrom.orElseGet(Instant::now);
    Optional<Instant> until = qualification.validityMonths().isPresent()
        ? Optional.of(from.atZone(ZoneOffset.UTC).plusMonths(qualification.validityMonths().getAsInt()).toInstant())
        : Optional.empty();
    AchievementAward award = new AchievementAward(
        issuerDid, organisation.name(), achievementId(organisation, qualification), qualification.title(),
        qualification.description(), qualification.criteria(), qualification.achievementType(),
        qualification.credits(), Optional.of(qualification.code()), qualification.alignments(), recipient, from, until,
        evidence);
    ObjectNode request = Json.newObject();
    request.set("credential", award.toCredential());
    String key = "award:" + qualification.id() + ":" + learnerKey(recipient);
    // the credential carries fresh salts and times, so "the same request" is judged on the award's inputs
    String inputs = qualification.id() + "\n" + learnerKey(recipient) + "\n" + recipient.name().orElse("") + "\n"
        + validFrom.map(Instant::toString).orElse("");
    return issuing.issue(request, Optional.of(key), actor, Json.sha256(inputs.getBytes(StandardCharsets.UTF_8)),
        stored -> {
          if (notifyLearner && recipient instanceof Recipient.ByEmail byEmail) {
            notify.awarded(stored.uuid(), byEmail.email(), byEmail.name(), organisation.name(), qualification.title());
          }
        });
  }

  private static String learnerKey(Recipient recipient) {
    return recipient instanceof Recipient.ByDid byDid ? byDid.did()
        : "mailto:" + ((Recipient.ByEmail) recipient).email();
  }
}
