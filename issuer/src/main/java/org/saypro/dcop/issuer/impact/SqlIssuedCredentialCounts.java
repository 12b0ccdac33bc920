package org.saypro.dcop.issuer.impact;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.saypro.dcop.community.impact.IssuedCredentialCounts;

/**
 * The impact tracker's count of credentials issued, per organisation: credentials are stored under their issuer
 * DID, which is the organisation's. Revoked credentials still count: they were issued.
 */
@Singleton
class SqlIssuedCredentialCounts implements IssuedCredentialCounts {

  private final JdbcOperations jdbc;

  SqlIssuedCredentialCounts(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, Long> issuedBetween(Instant from, Instant until) {
    return jdbc.prepareStatement("select o.id, count(*) from credential c join organisation o on o.issuer_did ="
        + " c.issuer where c.issued_at >= ? and c.issued_at < ? group by o.id", s -> {
          s.setTimestamp(1, Timestamp.from(from));
          s.setTimestamp(2, Timestamp.from(until));
          Map<UUID, Long> counts = new HashMap<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              counts.put(r.getObject(1, UUID.class), r.getLong(2));
            }
          }
          return counts;
        });
  }
}
