package org.saypro.dcop.community.forums;

import java.util.UUID;

/** What accepting an answer did: accepted it (and recorded answer.accepted), or found it accepted already. */
public sealed interface Acceptance {

  UUID post();

  record Accepted(UUID post, long eventId) implements Acceptance {}

  record AlreadyAccepted(UUID post) implements Acceptance {}
}
