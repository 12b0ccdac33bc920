package org.saypro.dcop.issuer.credentials;

import java.util.List;
import org.saypro.dcop.core.validation.FieldError;

/** Rolls an issuing transaction back (and with it the status entries taken) when a credential is refused. */
final class Refused extends RuntimeException {
  private final transient List<FieldError> errors;

  Refused(List<FieldError> errors) {
    super(null, null, false, false);
    this.errors = errors;
  }

  List<FieldError> errors() {
    return errors;
  }
}
