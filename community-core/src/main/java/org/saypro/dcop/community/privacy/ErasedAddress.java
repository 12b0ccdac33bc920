package org.saypro.dcop.community.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.saypro.dcop.accounts.privacy.PersonalRows;

/**
 * Removes an erased member's e-mail address from text others can read (an {@code @name@example.org} mention keeps
 * its place as {@code @former-member}). Display-name mentions stay: a name is not unique, and replacing it would
 * change what others wrote about someone else with that name.
 */
final class ErasedAddress {

  static final String REPLACEMENT = "former-member";

  private ErasedAddress() {}

  /** Replaces the address, in any case, in the given text columns of every row of the table that contains it. */
  static int strip(JdbcOperations jdbc, String table, String email, String... columns) {
    String pattern = email.replaceAll("[\\\\.+*?^$()\\[\\]{}|]", "\\\\$0");
    StringBuilder set = new StringBuilder();
    for (String column : columns) {
      set.append(set.length() == 0 ? "" : ", ").append(column).append(" = regexp_replace(").append(column)
          .append(", ?, '").append(REPLACEMENT).append("', 'gi')");
    }
    Object[] parameters = new Object[columns.length + 1];
    java.util.Arrays.fill(parameters, 0, columns.length, pattern);
    parameters[columns.length] = "%" + email.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
        .replace("%", "\\%").replace("_", "\\_") + "%";
    return PersonalRows.update(jdbc, "update " + table + " set " + set + " where lower(" + columns[0] + ") like ?",
        parameters);
  }
}
