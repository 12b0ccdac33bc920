package org.saypro.dcop.issuer.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.AchievementAward;
import org.saypro.dcop.core.openbadges.Evidence;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.saypro.dcop.issuer.credentials.IssueCredentialService;
import org.saypro.dcop.issuer.credentials.IssueRequest;
import org.saypro.dcop.issuer.credentials.IssueResult;
import org.saypro.dcop.issuer.credentials.NewCredential;
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

  /**
   * A learner to award.
   *
   * @param validFrom when the award takes effect; empty for now
   * @param evidence what the learner did, carried in the credential (a badge rule's satisfying events)
   */
  public record Award(Recipient recipient, Optional<Instant> validFrom, List<Evidence> evidence) {
    public Award {
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(validFrom, "validFrom");
      evidence = List.copyOf(evidence);
    }

    /** An award with no evidence (most awards: the criteria say enough). */
    public Award(Recipient recipient, Optional<Instant> validFrom) {
      this(recipient, validFrom, List.of());
    }
  }

  /** The Achievement id of a qualification: its public URL in the catalogue. */
  public String achievementId(Organisation organisation, Qualification qualification) {
    return settings.baseUrl() + "/organisations/" + organisation.slug() + "/qualifications/" + qualification.code();
  }

  /**
   * {@link #award(Organisation, Qualification, List, String, boolean)} for one learner, with no evidence, who is told
   * by email.
   *
   * @param validFrom when the award takes effect; empty for now
   */
  public IssueResult award(
      Organisation organisation, Qualification qualification, Recipient recipient, Optional<Instant> validFrom,
      String actor) {
    return award(organisation, qualification, recipient, validFrom, actor, List.of(), true);
  }

  /**
   * {@link #award(Organisation, Qualification, List, String, boolean)} for one learner.
   *
   * @param evidence what the learner did, carried in the credential (a badge rule's satisfying events)
   */
  public IssueResult award(
      Organisation organisation, Qualification qualification, Recipient recipient, Optional<Instant> validFrom,
      String actor, List<Evidence> evidence, boolean notifyLearner) {
    return award(organisation, qualification, List.of(new Award(recipient, validFrom, evidence)), actor,
        notifyLearner).get(0);
  }

  /**
   * Awards the qualification to each learner: those not awarded before in one transaction (each one that is refused
   * then in its own, see {@link IssueCredentialService#issue(List, String, IssueCredentialService.AlongWithIssue)}).
   *
   * @param actor who awards (a user id), recorded in the audit events written with the credentials
   * @param notifyLearner false to send no email (a backfill must not flood learners)
   * @return one result per award, in order
   * @throws IllegalStateException when the organisation does not issue
   */
  public List<IssueResult> award(
      Organisation organisation, Qualification qualification, List<Award> awards, String actor,
      boolean notifyLearner) {
    String issuerDid = organisation.issuerDid().orElseThrow(() -> new IllegalStateException("not an issuer"));
    List<IssueRequest> requests = new ArrayList<>(awards.size());
    for (Award award : awards) {
      requests.add(request(issuerDid, organisation, qualification, award));
    }
    return issuing.issue(requests, actor, made -> notify.awarded(made.stream()
        .filter(m -> notifyLearner && awards.get(m.request()).recipient() instanceof Recipient.ByEmail)
        .map(m -> email(m, (Recipient.ByEmail) awards.get(m.request()).recipient(), organisation, qualification))
        .toList()));
  }

  private IssueRequest request(String issuerDid, Organisation organisation, Qualification qualification, Award award) {
    Recipient recipient = award.recipient();
    Instant from = award.validFrom().orElseGet(Instant::now);
    Optional<Instant> until = qualification.validityMonths().isPresent()
        ? Optional.of(from.atZone(ZoneOffset.UTC).plusMonths(qualification.validityMonths().getAsInt()).toInstant())
        : Optional.empty();
    AchievementAward credential = new AchievementAward(
        issuerDid, organisation.name(), achievementId(organisation, qualification), qualification.title(),
        qualification.description(), qualification.criteria(), qualification.achievementType(),
        qualification.credits(), Optional.of(qualification.code()), qualification.alignments(), recipient, from, until,
        award.evidence());
    ObjectNode body = Json.newObject();
    body.set("credential", credential.toCredential());
    String key = "award:" + qualification.id() + ":" + learnerKey(recipient);
    // the credential carries fresh salts and times, so "the same request" is judged on the award's inputs
    String inputs = qualification.id() + "\n" + learnerKey(recipient) + "\n" + recipient.name().orElse("") + "\n"
        + award.validFrom().map(Instant::toString).orElse("");
    return new IssueRequest(body, Optional.of(key), Json.sha256(inputs.getBytes(StandardCharsets.UTF_8)));
  }

  private static AwardEmails.Award email(
      NewCredential made, Recipient.ByEmail learner, Organisation organisation, Qualification qualification) {
    return new AwardEmails.Award(made.credential().uuid(), learner.email(), learner.name(), organisation.name(),
        qualification.title());
  }

  private static String learnerKey(Recipient recipient) {
    return recipient instanceof Recipient.ByDid byDid ? byDid.did()
        : "mailto:" + ((Recipient.ByEmail) recipient).email();
  }
}
