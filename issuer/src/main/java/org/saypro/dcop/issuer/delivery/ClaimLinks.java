package org.saypro.dcop.issuer.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.keys.KeyEncryptionKey;
import org.saypro.dcop.issuer.config.IssuerSettings;

/**
 * Claim links: a token in the learner's email opens their credential. A token names its credential and when it
 * expires, with a MAC under a key derived from the key-encryption key (ADR 32), so nothing is written per link when a
 * credential is issued, and the database alone cannot make a working link. A link's state (first claimed, revoked by
 * an erasure) is a row of {@code claim_state}, written only when that happens. Tokens made before V40 (random, only
 * their SHA-256 in {@code claim_token}) keep working until they expire.
 */
@Singleton
public class ClaimLinks {

  /** The purpose the claim-token key is derived for; another name would make every sent link open nothing. */
  static final String KEY_PURPOSE = "claim-links-v1";
  /** A token of the random kind made before V40: 32 bytes in base64url. */
  private static final String RANDOM_TOKEN = "[A-Za-z0-9_-]{43}";

  private final JdbcOperations jdbc;
  private final IssuerSettings issuer;
  private final MailSettings mail;
  private final ClaimTokenCodec codec;

  ClaimLinks(JdbcOperations jdbc, IssuerSettings issuer, MailSettings mail, KeyEncryptionKey kek) {
    this.jdbc = jdbc;
    this.issuer = issuer;
    this.mail = mail;
    this.codec = new ClaimTokenCodec(kek.derive(KEY_PURPOSE));
  }

  /** A new link to the credential, valid for {@code dcop.mail.claim-validity} from now. */
  String create(UUID credential) {
    Instant expires = Instant.now().plus(mail.claimValidity()).truncatedTo(ChronoUnit.SECONDS);
    return issuer.baseUrl() + "/claim/" + codec.encode(new ClaimTokenCodec.Claimable(credential, expires));
  }

  /** The credential a live token opens, recording the first claim; empty for unknown, expired or revoked tokens. */
  @Transactional
  public Optional<UUID> claim(String token) {
    if (token != null && token.matches(RANDOM_TOKEN)) {
      return claimRandom(token);
    }
    return codec.decode(token)
        .filter(claimable -> claimable.expires().isAfter(Instant.now()))
        .flatMap(claimable -> jdbc.prepareStatement(
            "insert into claim_state (credential_uuid, claimed_at) values (?, now())"
                + " on conflict (credential_uuid) do update set claimed_at = coalesce(claim_state.claimed_at, now())"
                + " where claim_state.revoked_at is null returning credential_uuid", s -> {
              s.setObject(1, claimable.credential());
              try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.<UUID>empty();
              }
            }));
  }

  private Optional<UUID> claimRandom(String token) {
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
