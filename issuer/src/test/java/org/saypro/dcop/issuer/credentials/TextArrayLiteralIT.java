package org.saypro.dcop.issuer.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.issuer.log.LogDatabase;

/** Array literals as a real PostgreSQL reads them: each element back exactly, in order. */
class TextArrayLiteralIT {

  @TempDir static Path directory;
  private static LogDatabase database;

  @BeforeAll
  static void start() {
    database = LogDatabase.start(directory, 256);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void everyElementReadsBackAsItWasInItsPlace() {
    List<String[]> arrays = List.of(
        new String[] {"VerifiableCredential", "OpenBadgeCredential"},
        new String[] {"https://example.org/types#Diploma"},
        new String[] {},
        new String[] {""},
        new String[] {"NULL", "null"},
        new String[] {"a,b", "{c}", " spaced ", "quote\"d", "back\\slash", "\\\"", "tab\tnew\nline"},
        new String[] {"Ünïcödé", "日本語", "emoji 🎓"});
    for (String[] array : arrays) {
      assertArrayEquals(array, readBack(TextArrayLiteral.of(array)), String.join("|", array));
    }
  }

  @Test
  void aNullElementIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TextArrayLiteral.of(new String[] {"a", null}));
  }

  private static String[] readBack(String literal) {
    return database.transactions.executeRead(status -> {
      try (PreparedStatement statement = status.getConnection().prepareStatement("select ?::text[]")) {
        statement.setString(1, literal);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          return (String[]) row.getArray(1).getArray();
        }
      }
    });
  }
}
