package org.saypro.dcop.accounts.privacy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.signin.LoginRateLimiter;
import org.saypro.dcop.accounts.users.Argon2idPasswords;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Asks for the password again before an act that cannot be undone, so a session left open is not enough. Wrong
 * answers count against the user's sign-in failures ({@link LoginRateLimiter}), so a stolen session is no way round
 * sign-in's limit on guessing the password.
 */
@Singleton
class PasswordConfirmation {

  private final UserStore users;
  private final Argon2idPasswords passwords;
  private final LoginRateLimiter limiter;

  PasswordConfirmation(UserStore users, Argon2idPasswords passwords, LoginRateLimiter limiter) {
    this.users = users;
    this.passwords = passwords;
    this.limiter = limiter;
  }

  /**
   * Ends the request with 400 on the password field unless it is the caller's password, and with 429 while too many
   * wrong passwords were given for this user (here or at sign-in), whatever the password.
   */
  @Transactional(readOnly = true)
  void check(Caller caller, Optional<String> password, String pointer) {
    String email = caller.user().email();
    Optional<Duration> wait = limiter.blocked(email);
    if (wait.isPresent()) {
      throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "too many wrong passwords: try again in "
          + Math.max(1, wait.get().toMinutes()) + " minute(s)");
    }
    boolean right = password.filter(p -> !p.isEmpty() && p.length() <= 1000).isPresent()
        && users.byEmail(email).map(u -> passwords.verify(password.get(), u.passwordHash()))
        .orElse(false);
    if (!right) {
      limiter.failed(email);
      throw new ProblemException(ProblemType.INVALID_REQUEST, "confirm with your password",
          List.of(new FieldError(pointer, "is not your password")));
    }
  }
}
