package org.saypro.dcop.issuer.credentials;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Finds which unique constraint a failed write hit, so a race becomes an answer rather than a 500. */
final class UniqueViolation {
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolation() {}

  static Optional<String> constraint(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        if (sql instanceof PSQLException psql) {
          ServerErrorMessage message = psql.getServerErrorMessage();
          if (message != null && message.getConstraint() != null) {
            return Optional.of(message.getConstraint());
          }
        }
        return Optional.of("");
      }
    }
    return Optional.empty();
  }
}
