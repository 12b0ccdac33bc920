package org.saypro.dcop.community.badges;

import java.util.Optional;
import java.util.UUID;

/** The port that tells whether an organisation's catalogue offers a badge, and its title; the issuer implements it. */
public interface FindBadge {

  Optional<String> title(UUID organisationId, String qualificationCode);
}
