package org.saypro.dcop.accounts.signin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.users.Argon2idPasswords;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.core.json.Json;

/**
 * Checks a username and password: rate limit first, then Argon2id. An unknown user costs the same hash as a known
 * one (a dummy hash is checked), so timing does not tell which e-mail addresses have accounts. Every attempt is
 * audited, failures without the password.
 */
@Singleton
public class SignInService {

  private final UserStore users;
  private final Argon2idPasswords passwords;
  private final LoginRateLimiter limiter;
  private final AuditLog audit;
  private final String dummyHash;

  SignInService(UserStore users, Argon2idPasswords passwords, LoginRateLimiter limiter, AuditLog audit) {
    this.users = users;
    this.passwords = passwords;
    this.limiter = limiter;
    this.audit = audit;
    this.dummyHash = passwords.hash(UUID.randomUUID().toString());
  }

  @Transactional
  public SignIn signIn(String username, String password, String clientAddress) {
    Optional<java.time.Duration> wait = limiter.blocked(username, clientAddress);
    if (wait.isPresent()) {
      audit.record(AuditEvent.SYSTEM, Optional.empty(), "sign-in-failed", Optional.of(username),
          AuditEvent.Outcome.DENIED, Json.newObject().put("reason", "rate limited").put("address", clientAddress));
      return new SignIn.TooManyAttempts(wait.get());
    }
    Optional<UserStore.WithHash> found = users.byEmail(username);
    boolean matches = passwords.verify(password, found.map(UserStore.WithHash::passwordHash).orElse(dummyHash));
    if (found.isEmpty() || !matches || found.get().user().disabled()) {
      limiter.failed(username, clientAddress);
      audit.record(found.map(f -> f.user().id().toString()).orElse(AuditEvent.SYSTEM), Optional.empty(),
          "sign-in-failed", Optional.of(username), AuditEvent.Outcome.FAILURE,
          Json.newObject().put("reason", found.isEmpty() ? "unknown user"
              : matches ? "account disabled" : "wrong password").put("address", clientAddress));
      return new SignIn.Refused();
    }
    limiter.succeeded(username);
    UserStore.WithHash user = found.get();
    if (passwords.needsRehash(user.passwordHash())) {
      users.updatePasswordHash(user.user().id(), passwords.hash(password));
    }
    audit.record(user.user().id().toString(), Optional.empty(), "sign-in", Optional.of(user.user().email()),
        AuditEvent.Outcome.SUCCESS, Json.newObject().put("address", clientAddress));
    return new SignIn.SignedIn(user.user());
  }
}
