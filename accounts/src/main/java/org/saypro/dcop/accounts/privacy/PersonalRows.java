package org.saypro.dcop.accounts.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.saypro.dcop.core.json.Json;

/**
 * Rows as the export shows them (column names as keys, times as ISO instants, JSON columns as JSON), and plain updates,
 * for the sections' SQL. Sections select only columns that are not secrets.
 */
public final class PersonalRows {

  private PersonalRows() {}

  public static ArrayNode query(JdbcOperations jdbc, String sql, Object... parameters) {
    return jdbc.prepareStatement(sql, s -> {
      bind(s, parameters);
      ArrayNode rows = Json.mapper().createArrayNode();
      try (ResultSet r = s.executeQuery()) {
        ResultSetMetaData meta = r.getMetaData();
        while (r.next()) {
          ObjectNode row = rows.addObject();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            put(row, meta.getColumnLabel(i), r.getObject(i), meta.getColumnTypeName(i));
          }
        }
      }
      return rows;
    });
  }

  public static int update(JdbcOperations jdbc, String sql, Object... parameters) {
    return jdbc.prepareStatement(sql, s -> {
      bind(s, parameters);
      return s.executeUpdate();
    });
  }

  private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
  }

  private static void put(ObjectNode row, String key, Object value, String type) throws SQLException {
    if (value == null) {
      row.putNull(key);
    } else if (value instanceof Timestamp t) {
      row.put(key, t.toInstant().toString());
    } else if (value instanceof Boolean b) {
      row.put(key, b);
    } else if (value instanceof Integer n) {
      row.put(key, n);
    } else if (value instanceof Long n) {
      row.put(key, n);
    } else if (value instanceof BigDecimal n) {
      row.put(key, n);
    } else if (value instanceof Array a) {
      ArrayNode items = row.putArray(key);
      for (Object item : (Object[]) a.getArray()) {
        items.add(String.valueOf(item));
      }
    } else if ("jsonb".equals(type) || "json".equals(type)) {
      row.set(key, Json.parse(value.toString()));
    } else {
      row.put(key, value.toString());
    }
  }
}
