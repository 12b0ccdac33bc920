package org.saypro.dcop.community.badges;

import java.util.List;
import java.util.UUID;

/**
 * The port through which a met rule becomes a credential; the issuer implements it, so this module needs to know
 * nothing about credentials. Called inside the rule's award transaction: the credential commits with the award row.
 */
public interface AwardBadge {

  /**
   * Awards the organisation's qualification to the member, once: awarding again returns the first credential.
   *
   * @param notify false for a backfill, which must not flood members with emails
   * @return the credential's uuid
   * @throws IllegalStateException when it cannot be issued (no such qualification, the organisation does not issue)
   */
  UUID award(UUID organisationId, String qualificationCode, UUID userId, List<BadgeEvidence> evidence,
      boolean notify);
}
