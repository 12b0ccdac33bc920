package org.saypro.dcop.issuer.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.config.IssuerSettings;

/**
 * Claim links: a random 256-bit token in the learner's email opens their credential. Only its SHA-256 is stored, so
 * the database alone cannot make a working link.
 */
@Singleton
public class ClaimLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcOperations jdbc;
  private final IssuerSettings issuer;
  private final MailSettings mail;

  ClaimLinks(JdbcOperations jdbc, IssuerSettings issuer, MailSettings mail) {
    this.jdbc = jdbc;
    this.issuer = issuer;
    this.mail = mail;
  }

  /** A new link for each credential, in order, stored in the caller's transaction with one statement. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public List<String> create(List<UUID> credentials) {
    List<String> tokens = new ArrayList<>(credentials.size());
    for (int i = 0; i < credentials.size(); i++) {
      byte[] token = new byte[32];
      RANDOM.nextBytes(token);
      tokens.add(Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }
    Instant expires = Instant.now().plus(mail.claimValidity());
    jdbc.prepareStatement(
        "insert into claim_token (token_sha256, credential_uuid, expires_at)"
            + " select t, c, ? from unnest(?::bytea[], ?::uuid[]) as v(t, c)", s -> {
          Connection connection = s.getConnection();
          s.setTimestamp(1, Timestamp.from(expires));
          s.setArray(2, connection.createArrayOf("bytea",
              tokens.stream().map(ClaimLinks::hash).toArray(byte[][]::new)));
          s.setArray(3, connection.createArrayOf("uuid", credentials.toArray(UUID[]::new)));
          return s.executeUpdate();
        });
    return tokens.stream().map(token -> issuer.baseUrl() + "/claim/" + token).toList();
  }

  /** The credential a live token opens, recording the first claim; empty for unknown or expired tokens. */
  @Transactional
  public Optional<UUID> claim(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    return jdbc.prepareStatement(
        "update claim_token set claimed_at = coalesce(claimed_at, now()) where token_sha256 = ? and expires_at > now()"
            + " returning credential_uuid", s -> {
          s.setBytes(1, hash(token));
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.<UUID>empty();
          }
        });
  }

  /** The claim (as {@link #claim}) and the credential linked to this user; the first holder keeps it. */
  @Transactional
  public Optional<UUID> claimFor(String token, UUID user) {
    Optional<UUID> credential = claim(token);
    credential.ifPresent(uuid -> jdbc.prepareStatement(
        "insert into credential_holder (credential_uuid, user_id) values (?, ?) on conflict do nothing", s -> {
          s.setObject(1, uuid);
          s.setObject(2, user);
          return s.executeUpdate();
        }));
    return credential;
  }

  /** Who holds the credential, once someone claimed it while signed in. */
  @Transactional(readOnly = true)
  public Optional<UUID> holder(UUID credential) {
    return jdbc.prepareStatement("select user_id from credential_holder where credential_uuid = ?", s -> {
      s.setObject(1, credential);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.<UUID>empty();
      }
    });
  }

  /** A learner's own credentials: uuid and when they claimed it, newest first. */
  @Transactional(readOnly = true)
  public List<java.util.Map.Entry<UUID, Instant>> heldBy(UUID user) {
    return jdbc.prepareStatement(
        "select credential_uuid, claimed_at from credential_holder where user_id = ? order by claimed_at desc", s -> {
          s.setObject(1, user);
          List<java.util.Map.Entry<UUID, Instant>> held = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              held.add(java.util.Map.entry(r.getObject(1, UUID.class), r.getTimestamp(2).toInstant()));
            }
          }
          return held;
        });
  }

  private static byte[] hash(String token) {
    return Json.sha256(token.getBytes(StandardCharsets.US_ASCII));
  }
}
