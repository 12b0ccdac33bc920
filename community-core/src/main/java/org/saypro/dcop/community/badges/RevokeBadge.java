package org.saypro.dcop.community.badges;

import java.util.UUID;

/** The port that revokes an awarded badge's credential through its status list, with a reason; the issuer's. */
public interface RevokeBadge {

  /**
   * @return false when the credential was already revoked
   * @throws IllegalStateException when the credential cannot be revoked (unknown, no status entry)
   */
  boolean revoke(UUID credential, String actor, String reason);
}
