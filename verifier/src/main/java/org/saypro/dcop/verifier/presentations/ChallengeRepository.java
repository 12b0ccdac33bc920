package org.saypro.dcop.verifier.presentations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChallengeRepository extends GenericRepository<ChallengeRow, String> {
  ChallengeRow save(ChallengeRow row);

  Optional<ChallengeRow> findById(String challenge);

  /** Marks the challenge used if it is unused and unexpired; 1 when this call consumed it, 0 otherwise. */
  @Query(
      "update presentation_challenge set used_at = :now"
          + " where challenge = :challenge and used_at is null and expires_at > :now")
  int consume(String challenge, Instant now);

  @Query("delete from presentation_challenge where expires_at < :before")
  int deleteExpiredBefore(Instant before);
}
