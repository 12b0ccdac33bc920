package org.saypro.dcop.accounts.signin;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;

/**
 * Personal API tokens: 256 random bits behind a recognisable prefix, shown once; only their SHA-256 is stored, so a
 * leaked database holds nothing usable. A slow hash is not needed: the input is not guessable. Callers hold the
 * transaction.
 */
@Singleton
public class ApiTokens {

  /** Marks our tokens apart from JWTs (and makes leaked ones easy to find with secret scanners). */
  public static final String PREFIX = "dcop_pat_";

  /** A token as listed: never its value. */
  public record Listed(UUID id, String name, Instant createdAt, Optional<Instant> lastUsedAt,
      Optional<Instant> revokedAt) {}

  /** A token just created: the only time its value exists outside the caller's hands. */
  public record Created(Listed token, String value) {}

  private final JdbcOperations jdbc;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  public Created create(UUID user, String name) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.prepareStatement(
        "insert into api_token (id, user_id, name, token_sha256, created_at) values (?, ?, ?, ?, ?)", s -> {
          s.setObject(1, id);
          s.setObject(2, user);
          s.setString(3, name);
          s.setBytes(4, sha256(value));
          s.setTimestamp(5, Timestamp.from(now));
          return s.executeUpdate();
        });
    return new Created(new Listed(id, name, now, Optional.empty(), Optional.empty()), value);
  }

  /** The user a live (unrevoked) token belongs to, noting its use. */
  public Optional<UUID> use(String value) {
    if (!value.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return jdbc.prepareStatement(
        "update api_token set last_used_at = now() where token_sha256 = ? and revoked_at is null returning user_id",
        s -> {
          s.setBytes(1, sha256(value));
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.<UUID>empty();
          }
        });
  }

  public List<Listed> list(UUID user) {
    return jdbc.prepareStatement(
        "select id, name, created_at, last_used_at, revoked_at from api_token where user_id = ? order by created_at",
        s -> {
          s.setObject(1, user);
          List<Listed> all = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              all.add(new Listed(r.getObject(1, UUID.class), r.getString(2), r.getTimestamp(3).toInstant(),
                  Optional.ofNullable(r.getTimestamp(4)).map(Timestamp::toInstant),
                  Optional.ofNullable(r.getTimestamp(5)).map(Timestamp::toInstant)));
            }
          }
          return all;
        });
  }

  /** False when the user has no such live token. */
  public boolean revoke(UUID user, UUID token) {
    return jdbc.prepareStatement(
        "update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null", s -> {
          s.setObject(1, token);
          s.setObject(2, user);
          return s.executeUpdate() == 1;
        });
  }

  static byte[] sha256(String value) {
    return Json.sha256(value.getBytes(StandardCharsets.UTF_8));
  }
}
