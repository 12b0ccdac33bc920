package org.saypro.dcop.issuer.delivery;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Claim tokens that carry what they open: version 1, the credential's UUID, the second the link expires, and an
 * HMAC-SHA256 over those (128 bits kept) under a key derived from the key-encryption key (ADR 32). Nothing is stored
 * per link; only the service can make one, and changing any byte of a token makes it open nothing.
 */
final class ClaimTokenCodec {

  /** What a genuine token opens, and until when. */
  record Claimable(UUID credential, Instant expires) {
    Claimable {
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(expires, "expires");
    }
  }

  private static final byte VERSION = 1;
  private static final int MAC_BYTES = 16;
  private static final int BYTES = 1 + 16 + 8 + MAC_BYTES;
  /** The length of a token's text: 41 bytes in unpadded base64url. */
  static final int LENGTH = (BYTES * 8 + 5) / 6;

  private final SecretKeySpec key;

  ClaimTokenCodec(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("a claim-token key is at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  String encode(Claimable claimable) {
    ByteBuffer token = ByteBuffer.allocate(BYTES);
    token.put(VERSION)
        .putLong(claimable.credential().getMostSignificantBits())
        .putLong(claimable.credential().getLeastSignificantBits())
        .putLong(claimable.expires().getEpochSecond());
    token.put(mac(token.array(), BYTES - MAC_BYTES));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  /** The claimable a genuine token names, expired or not; empty for anything else. */
  Optional<Claimable> decode(String text) {
    if (text == null || text.length() != LENGTH || !text.chars().allMatch(ClaimTokenCodec::base64url)) {
      return Optional.empty();
    }
    byte[] token = Base64.getUrlDecoder().decode(text);
    if (token.length != BYTES || token[0] != VERSION
        || !MessageDigest.isEqual(mac(token, BYTES - MAC_BYTES), Arrays.copyOfRange(token, BYTES - MAC_BYTES, BYTES))) {
      return Optional.empty();
    }
    ByteBuffer fields = ByteBuffer.wrap(token, 1, BYTES - 1 - MAC_BYTES);
    UUID credential = new UUID(fields.getLong(), fields.getLong());
    return Optional.of(new Claimable(credential, Instant.ofEpochSecond(fields.getLong())));
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(data, 0, length);
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static boolean base64url(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }
}
