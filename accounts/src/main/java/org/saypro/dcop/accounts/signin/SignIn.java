package org.saypro.dcop.accounts.signin;

import java.time.Duration;
import org.saypro.dcop.accounts.users.User;

/** How a sign-in attempt ended. */
public sealed interface SignIn {
  record SignedIn(User user) implements SignIn {}

  /** Unknown user, wrong password or disabled account: the caller is not told which. */
  record Refused() implements SignIn {}

  record TooManyAttempts(Duration retryAfter) implements SignIn {}
}
