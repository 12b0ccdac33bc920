package org.saypro.dcop.sharing.baking;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Supplier;
import org.saypro.dcop.sharing.CredentialText;

/** What an uploaded image gave up: its baked credential (not yet verified), none, or a refusal of the file itself. */
public sealed interface Unbaked {

  record Found(CredentialText credential) implements Unbaked {
    public Found {
      Objects.requireNonNull(credential);
    }
  }

  /** A readable image with no Open Badges 3.0 credential in it. */
  record NotBaked(String reason) implements Unbaked {
    public NotBaked {
      requireReason(reason);
    }
  }

  /** Not a well-formed image of the kind expected, or its credential part is malformed. */
  record Invalid(String reason) implements Unbaked {
    public Invalid {
      requireReason(reason);
    }
  }

  /** Found when the baked text is a compact JWS or a JSON credential; Invalid, saying why, when it is neither. */
  static Unbaked fromText(String text) {
    return found(() -> CredentialText.of(text));
  }

  /** As {@link #fromText}, from bytes that must be UTF-8. */
  static Unbaked fromUtf8(ByteBuffer utf8) {
    return found(() -> CredentialText.ofUtf8(utf8));
  }

  private static Unbaked found(Supplier<CredentialText> credential) {
    try {
      return new Found(credential.get());
    } catch (IllegalArgumentException e) {
      return new Invalid("the baked text is neither a compact JWS nor a JSON credential: " + e.getMessage());
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an outcome without a credential says why");
    }
  }
}
