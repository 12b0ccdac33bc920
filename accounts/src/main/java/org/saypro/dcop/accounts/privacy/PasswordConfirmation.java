package org.saypro.dcop.accounts.privacy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.users.Argon2idPasswords;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Asks for the password again before an act that cannot be undone, so a session left open is not enough. */
@Singleton
class PasswordConfirmation {

  private final UserStore users;
  private final Argon2idPasswords passwords;

  PasswordConfirmation(UserStore users, Argon2idPasswords passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  /** Ends the request with 400 on the password field unless it is the caller's password. */
  @Transactional(readOnly = true)
  void check(Caller caller, Optional<String> password, String pointer) {
    boolean right = password.filter(p -> !p.isEmpty() && p.length() <= 1000).isPresent()
        && users.byEmail(caller.user().email()).map(u -> passwords.verify(password.get(), u.passwordHash()))
        .orElse(false);
    if (!right) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "confirm with your password",
          List.of(new FieldError(pointer, "is not your password")));
    }
  }
}
