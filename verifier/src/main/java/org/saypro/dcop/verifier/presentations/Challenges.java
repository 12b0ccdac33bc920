package org.saypro.dcop.verifier.presentations;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Single-use challenges: 256 random bits, valid for a few minutes, consumed atomically by the database so that two
 * instances can never both accept the same one.
 */
@Singleton
class Challenges {

  static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ChallengeRepository repository;
  private final Clock clock = Clock.systemUTC();

  Challenges(ChallengeRepository repository) {
    this.repository = repository;
  }

  ChallengeRow create() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    repository.deleteExpiredBefore(now.minus(Duration.ofHours(1)));
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return repository.save(
        new ChallengeRow(Base64.getUrlEncoder().withoutPadding().encodeToString(random), now.plus(LIFETIME), null));
  }

  /** Consumes the challenge; empty when accepted, otherwise why it is refused. */
  Optional<String> consume(String challenge) {
    if (challenge.length() > 200) {
      return Optional.of("the challenge was not issued here");
    }
    Instant now = clock.instant();
    if (repository.consume(challenge, now) == 1) {
      return Optional.empty();
    }
    return Optional.of(
        repository
            .findById(challenge)
            .map(row -> row.usedAt() != null ? "the challenge was already used" : "the challenge has expired")
            .orElse("the challenge was not issued here"));
  }
}
