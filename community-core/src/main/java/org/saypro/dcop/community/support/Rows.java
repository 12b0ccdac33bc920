package org.saypro.dcop.community.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Queries as one call each, so stores read as their SQL. */
public final class Rows {

  /** Sets a statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads the current row. */
  @FunctionalInterface
  public interface Mapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Rows() {}

  public static <T> List<T> list(JdbcOperations jdbc, String sql, Binder binder, Mapper<T> mapper) {
    return jdbc.prepareStatement(sql, s -> {
      binder.bind(s);
      List<T> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(mapper.map(r));
        }
      }
      return rows;
    });
  }

  public static <T> Optional<T> one(JdbcOperations jdbc, String sql, Binder binder, Mapper<T> mapper) {
    return list(jdbc, sql, binder, mapper).stream().findFirst();
  }

  /** Runs an insert, update or delete; returns the number of rows changed. */
  public static int update(JdbcOperations jdbc, String sql, Binder binder) {
    return jdbc.prepareStatement(sql, s -> {
      binder.bind(s);
      return s.executeUpdate();
    });
  }
}
