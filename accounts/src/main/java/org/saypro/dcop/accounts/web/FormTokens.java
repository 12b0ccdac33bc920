package org.saypro.dcop.accounts.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.saypro.dcop.accounts.signin.JwtSecret;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Tokens that every form of a signed-in page carries, against cross-site request forgery (the synchronizer token
 * pattern, without server state): an HMAC of the session token under a key derived from the JWT secret. Another
 * site can make a browser send the session cookie (where SameSite is not honoured) but cannot read the token.
 * A new session (signing in again) makes earlier forms stale, which is the point.
 */
@Singleton
public class FormTokens {

  /** The form field that carries the token. */
  public static final String FIELD = "csrf";

  private final SecretKeySpec key;
  private final SessionCookie sessions;

  FormTokens(JwtSecret secret, SessionCookie sessions) {
    this.key = new SecretKeySpec(hmac(secret.value().getBytes(StandardCharsets.UTF_8),
        "dcop form tokens v1"), "HmacSHA256");
    this.sessions = sessions;
  }

  /** The token for the request's session, or empty when it has none (the form will then be refused). */
  public String issue(HttpRequest<?> request) {
    return sessions.read(request).map(this::tokenFor).orElse("");
  }

  /** Ends the request with 403 unless the presented token belongs to the request's session. */
  public void check(HttpRequest<?> request, Optional<String> presented) {
    Optional<String> expected = sessions.read(request).map(this::tokenFor);
    boolean valid = expected.isPresent() && presented.isPresent() && MessageDigest.isEqual(
        expected.get().getBytes(StandardCharsets.US_ASCII), presented.get().getBytes(StandardCharsets.US_ASCII));
    if (!valid) {
      throw new ProblemException(ProblemType.FORM_EXPIRED,
          "this form is older than your session or came from another site; open the page again and resend it");
    }
  }

  private String tokenFor(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
