package org.saypro.dcop.issuer.catalogue;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.accounts.users.User;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.community.badges.AwardBadge;
import org.saypro.dcop.community.badges.BadgeEvidence;
import org.saypro.dcop.community.badges.FindBadge;
import org.saypro.dcop.community.badges.RevokeBadge;
import org.saypro.dcop.core.openbadges.Evidence;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.issuer.credentials.IssueResult;
import org.saypro.dcop.issuer.status.ChangeCredentialStatus;
import org.saypro.dcop.issuer.status.StatusAction;
import org.saypro.dcop.issuer.status.StatusChangeResult;

/**
 * The bridge from community badge rules to issuance: a met rule becomes an award of the organisation's catalogue
 * entry to the member's email address (named by their display name), with the satisfying events as Open Badges
 * evidence; revoking goes through the status list. Runs in the caller's transaction.
 */
@Singleton
class CatalogueBadges implements AwardBadge, FindBadge, RevokeBadge {

  /** The audit's actor for awards no person made. */
  static final String ACTOR = "badge-rules";

  private final QualificationStore qualifications;
  private final OrganisationStore organisations;
  private final UserStore users;
  private final AwardQualification awards;
  private final ChangeCredentialStatus status;

  CatalogueBadges(QualificationStore qualifications, OrganisationStore organisations, UserStore users,
      AwardQualification awards, ChangeCredentialStatus status) {
    this.qualifications = qualifications;
    this.organisations = organisations;
    this.users = users;
    this.awards = awards;
    this.status = status;
  }

  @Override
  public Optional<String> title(UUID organisationId, String qualificationCode) {
    return Qualification.isCode(qualificationCode)
        ? qualifications.find(organisationId, qualificationCode).map(Qualification::title) : Optional.empty();
  }

  @Override
  public UUID award(UUID organisationId, String qualificationCode, UUID userId, List<BadgeEvidence> evidence,
      boolean notify) {
    Organisation organisation = organisations.byId(organisationId)
        .orElseThrow(() -> new IllegalStateException("no organisation " + organisationId));
    Qualification qualification = qualifications.find(organisationId, qualificationCode)
        .orElseThrow(() -> new IllegalStateException(organisation.slug() + " has no qualification "
            + qualificationCode));
    User user = users.byId(userId).orElseThrow(() -> new IllegalStateException("no member " + userId));
    List<Evidence> items = evidence.stream().limit(100)
        .map(e -> new Evidence(Optional.of(e.id()), e.name(), e.description(), e.narrative())).toList();
    IssueResult result = awards.award(organisation, qualification,
        new Recipient.ByEmail(user.email(), Optional.of(user.displayName())), Optional.empty(), ACTOR, items, notify);
    if (result instanceof IssueResult.Issued issued) {
      return issued.credential().uuid();
    }
    throw new IllegalStateException("the badge " + qualificationCode + " could not be issued: " + result);
  }

  @Override
  public boolean revoke(UUID credential, String actor, String reason) {
    StatusChangeResult result = status.change(credential, StatusAction.REVOKE, actor, reason);
    if (result instanceof StatusChangeResult.Changed) {
      return true;
    }
    if (result instanceof StatusChangeResult.AlreadySo) {
      return false;
    }
    throw new IllegalStateException("credential " + credential + " cannot be revoked: " + result);
  }
}
