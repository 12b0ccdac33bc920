package org.saypro.dcop.community.badges;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A badge awarded to a member under a rule's version, and the credential it became. */
public record BadgeAward(long id, UUID ruleId, int ruleVersion, UUID userId, Optional<UUID> credential,
    boolean notified, Instant awardedAt, Optional<Instant> revokedAt, Optional<String> revokeReason) {}
