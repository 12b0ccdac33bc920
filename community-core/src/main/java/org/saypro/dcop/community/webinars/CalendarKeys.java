package org.saypro.dcop.community.webinars;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.saypro.dcop.accounts.signin.JwtSecret;

/**
 * Keys in the URL of a member's calendar feed: calendar applications poll a URL and send no credentials, so the URL
 * itself must be unguessable. An HMAC of the user id under a key derived from the JWT secret: no state to store,
 * and rotating the secret invalidates every feed link.
 */
@Singleton
public class CalendarKeys {

  private final SecretKeySpec key;

  CalendarKeys(JwtSecret secret) {
    this.key = new SecretKeySpec(mac(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8),
        "HmacSHA256"), "dcop calendar feeds v1"), "HmacSHA256");
  }

  public String keyFor(UUID user) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, user.toString()));
  }

  public boolean valid(UUID user, String presented) {
    return presented != null && MessageDigest.isEqual(keyFor(user).getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] mac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
