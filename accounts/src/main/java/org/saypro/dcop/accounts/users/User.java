package org.saypro.dcop.accounts.users;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A user. The password hash never leaves {@link UserStore}: this record does not carry it. */
public record User(UUID id, String email, String displayName, boolean platformAdmin, boolean disabled,
    Instant createdAt) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!isEmail(email)) {
      throw new IllegalArgumentException("not an e-mail address");
    }
    if (!isDisplayName(displayName)) {
      throw new IllegalArgumentException("a display name is 1 to 200 characters");
    }
  }

  public static boolean isEmail(String text) {
    return text != null && text.length() <= 320 && EMAIL.matcher(text).matches();
  }

  public static boolean isDisplayName(String text) {
    return text != null && !text.isBlank() && text.length() <= 200;
  }
}
