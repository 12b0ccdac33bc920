package org.saypro.dcop.sharing.web;

import java.util.Objects;
import org.saypro.dcop.core.verify.SecuredInput;

/** What a visitor brought to the verify page: a credential to verify, or a plain reason why there is none. */
sealed interface Brought {

  /** @param source where the credential was found, in words ("a baked PNG badge") */
  record Credential(SecuredInput input, String source) implements Brought {
    public Credential {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(source, "source");
    }
  }

  record Nothing(String reason) implements Brought {
    public Nothing {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("say why nothing could be read");
      }
    }
  }
}
