package org.saypro.dcop.verifier.presentations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("presentation_challenge")
record ChallengeRow(@Id String challenge, Instant expiresAt, @Nullable Instant usedAt) {}
