package org.saypro.dcop.issuer.keys;

import com.nimbusds.jose.jwk.JWK;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SealedKey;

/** SQL of {@code issuer_key}. Callers hold the transaction. */
@Singleton
class IssuerKeyStore {

  private static final String COLUMNS =
      "verification_method_id, issuer_did, algorithm, public_jwk, state, created_at, retired_at, revoked_at";

  private final JdbcOperations jdbc;

  IssuerKeyStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Rotations and revocations of one issuer happen one at a time, until the transaction ends. */
  void lockIssuer(String did) {
    jdbc.prepareStatement("select pg_advisory_xact_lock(hashtext('issuer_key:' || ?))", s -> {
      s.setString(1, did);
      s.executeQuery().close();
      return null;
    });
  }

  /** False when the issuer already has an active key of this algorithm (another instance was quicker). */
  boolean insertActive(String did, KeyAlgorithm algorithm, JWK publicJwk, SealedKey sealed, Instant at) {
    return jdbc.prepareStatement(
        "insert into issuer_key (verification_method_id, issuer_did, algorithm, public_jwk, sealed_nonce,"
            + " sealed_private_key, kek_fingerprint, created_at, state) values (?, ?, ?, ?, ?, ?, ?, ?, 'active')"
            + " on conflict do nothing", s -> {
          s.setString(1, sealed.verificationMethodId());
          s.setString(2, did);
          s.setString(3, algorithm.label());
          s.setString(4, publicJwk.toJSONString());
          s.setBytes(5, sealed.nonce());
          s.setBytes(6, sealed.ciphertext());
          s.setString(7, sealed.kekFingerprint());
          s.setTimestamp(8, Timestamp.from(at));
          return s.executeUpdate() == 1;
        });
  }

  List<PublishedKey> keys(String did) {
    return jdbc.prepareStatement(
        "select " + COLUMNS + " from issuer_key where issuer_did = ?"
            + " order by (state = 'active') desc, created_at desc, algorithm", s -> {
          s.setString(1, did);
          List<PublishedKey> keys = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              keys.add(read(r));
            }
          }
          return keys;
        });
  }

  /** The active key's sealed private half. */
  Optional<SealedKey> activeSealed(String did, KeyAlgorithm algorithm) {
    return sealed(did, algorithm, "state = 'active'");
  }

  /** The oldest key not revoked: a long-lived identity, like the log's checkpoint signer. */
  Optional<SealedKey> firstUnrevokedSealed(String did, KeyAlgorithm algorithm) {
    return sealed(did, algorithm, "state <> 'revoked' order by created_at limit 1");
  }

  private Optional<SealedKey> sealed(String did, KeyAlgorithm algorithm, String condition) {
    return jdbc.prepareStatement(
        "select verification_method_id, sealed_nonce, sealed_private_key, kek_fingerprint from issuer_key"
            + " where issuer_did = ? and algorithm = ? and " + condition, s -> {
          s.setString(1, did);
          s.setString(2, algorithm.label());
          try (ResultSet r = s.executeQuery()) {
            return r.next()
                ? Optional.of(new SealedKey(r.getString(1), algorithm, r.getBytes(2), r.getBytes(3), r.getString(4)))
                : Optional.<SealedKey>empty();
          }
        });
  }

  /** Retires the issuer's active keys (all, or those of one algorithm); returns how many. */
  int retireActive(String did, Optional<KeyAlgorithm> algorithm, Instant at) {
    return jdbc.prepareStatement(
        "update issuer_key set state = 'retired', retired_at = ? where issuer_did = ? and state = 'active'"
            + (algorithm.isPresent() ? " and algorithm = ?" : ""), s -> {
          s.setTimestamp(1, Timestamp.from(at));
          s.setString(2, did);
          if (algorithm.isPresent()) {
            s.setString(3, algorithm.get().label());
          }
          return s.executeUpdate();
        });
  }

  /** Marks the key revoked as of {@code at}; a key already revoked keeps its first date. */
  void revoke(String verificationMethodId, Instant at) {
    jdbc.prepareStatement(
        "update issuer_key set state = 'revoked', revoked_at = ?, retired_at = coalesce(retired_at, now())"
            + " where verification_method_id = ? and state <> 'revoked'", s -> {
          s.setTimestamp(1, Timestamp.from(at));
          s.setString(2, verificationMethodId);
          return s.executeUpdate();
        });
  }

  private static PublishedKey read(ResultSet r) throws SQLException {
    String id = r.getString(1);
    String algorithmLabel = r.getString(3);
    KeyAlgorithm algorithm = KeyAlgorithm.fromLabel(algorithmLabel)
        .orElseThrow(() -> new IllegalStateException("unknown key algorithm in database: " + algorithmLabel));
    JWK jwk;
    try {
      jwk = JWK.parse(r.getString(4));
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable public key of " + id, e);
    }
    String stateLabel = r.getString(5);
    KeyState state = KeyState.fromLabel(stateLabel)
        .orElseThrow(() -> new IllegalStateException("unknown key state in database: " + stateLabel));
    return new PublishedKey(id, algorithm, jwk, state, r.getTimestamp(6).toInstant(), instant(r.getTimestamp(7)),
        instant(r.getTimestamp(8)));
  }

  private static Optional<Instant> instant(Timestamp timestamp) {
    return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
  }
}
