package org.saypro.dcop.issuer.credentials;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL of idempotency keys: what earlier requests produced, and the keys of new credentials. */
@Singleton
class IdempotencyKeys {

  private final JdbcOperations jdbc;

  IdempotencyKeys(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** A key used before: the hash of the request it came with, and the credential that request produced. */
  record Earlier(byte[] requestSha256, StoredCredential credential) {}

  /** The keys among {@code keys} used before, with what they produced, in one query. */
  @Transactional(readOnly = true)
  Map<String, Earlier> earlier(List<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    return jdbc.prepareStatement(
        "select k.idempotency_key, k.request_sha256, c.uuid, c.credential_id, c.format, c.secured_form, c.issued_at"
            + " from idempotency_key k join credential c on c.uuid = k.credential_uuid"
            + " where k.idempotency_key = any(?)", s -> {
          s.setArray(1, s.getConnection().createArrayOf("text", keys.toArray(String[]::new)));
          Map<String, Earlier> earlier = new HashMap<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              earlier.put(r.getString(1), new Earlier(r.getBytes(2), new StoredCredential(r.getObject(3, UUID.class),
                  r.getString(4), r.getString(5), r.getString(6), r.getTimestamp(7).toInstant())));
            }
          }
          return earlier;
        });
  }

  /**
   * Stores the keys in one statement, in key order: two transactions storing overlapping keys then wait for each other
   * instead of deadlocking, and the second fails on the primary key once the first commits.
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  void insert(List<IdempotencyRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.prepareStatement(
        "insert into idempotency_key (idempotency_key, request_sha256, credential_uuid, created_at)"
            + " select * from unnest(?::text[], ?::bytea[], ?::uuid[], ?::text[]::timestamptz[]) as v(k, h, u, t)"
            + " order by v.k", s -> {
          Connection connection = s.getConnection();
          String[] keys = rows.stream().map(IdempotencyRow::idempotencyKey).toArray(String[]::new);
          byte[][] hashes = rows.stream().map(IdempotencyRow::requestSha256).toArray(byte[][]::new);
          UUID[] credentials = rows.stream().map(IdempotencyRow::credentialUuid).toArray(UUID[]::new);
          // ISO 8601 in UTC: no dependence on the JVM's or the session's time zone
          String[] times = rows.stream().map(r -> r.createdAt().toString()).toArray(String[]::new);
          s.setArray(1, connection.createArrayOf("text", keys));
          s.setArray(2, connection.createArrayOf("bytea", hashes));
          s.setArray(3, connection.createArrayOf("uuid", credentials));
          s.setArray(4, connection.createArrayOf("text", times));
          return s.executeUpdate();
        });
  }
}
