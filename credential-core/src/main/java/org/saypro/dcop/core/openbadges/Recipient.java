package org.saypro.dcop.core.openbadges;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Who receives an award: a learner known by a DID, or by an email address (put in the credential only hashed). */
public sealed interface Recipient {

  /** The learner's name as it will appear on the credential, if they are to be named. */
  Optional<String> name();

  record ByDid(String did, Optional<String> name) implements Recipient {
    public ByDid {
      Objects.requireNonNull(name, "name");
      if (did == null || !did.matches("did:[a-z0-9]+:[A-Za-z0-9._:%-]+") || did.length() > 2000) {
        throw new IllegalArgumentException("not a DID: " + did);
      }
      name.ifPresent(Recipient::checkName);
    }
  }

  record ByEmail(String email, Optional<String> name) implements Recipient {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,}");

    public ByEmail {
      Objects.requireNonNull(name, "name");
      if (email == null || !EMAIL.matcher(email.strip()).matches()) {
        throw new IllegalArgumentException("not an email address");
      }
      email = email.strip().toLowerCase(Locale.ROOT);
      name.ifPresent(Recipient::checkName);
    }
  }

  private static void checkName(String name) {
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a learner's name is 1 to 200 characters");
    }
  }
}
