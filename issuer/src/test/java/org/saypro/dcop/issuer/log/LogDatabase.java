package org.saypro.dcop.issuer.log;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL (zonky embedded, loopback only, as the app starts it by default) migrated by the issuer's own
 * Flyway migrations, and a minimal Micronaut context with the issuer module's beans against it, configured as
 * app/src/main/resources/application.yml does. The scheduled sequencer is pushed back to once a day; its first run,
 * 1 s after start, may still integrate whatever is committed then, so tests compare whole trees, not who integrated.
 */
public final class LogDatabase implements AutoCloseable {

  private static final String DATABASE = "dcop";
  private static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  public final ApplicationContext context;
  public final TransactionOperations<Connection> transactions;

  private LogDatabase(EmbeddedPostgres postgres, ApplicationContext context) {
    this.postgres = postgres;
    this.context = context;
    this.transactions = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
  }

  public static LogDatabase start(Path directory, int batchSize) {
    return start(directory, batchSize, Map.of());
  }

  /** {@link #start(Path, int)} with more settings, or other values for these. */
  public static LogDatabase start(Path directory, int batchSize, Map<String, Object> more) {
    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory.resolve("postgres"))
              .setCleanDataDirectory(true)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement create = admin.createStatement()) {
      create.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database", e);
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("datasources.default.url", postgres.getJdbcUrl(USER, DATABASE));
    properties.put("datasources.default.username", USER);
    properties.put("datasources.default.password", "");
    properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    properties.put("datasources.default.db-type", "postgres");
    properties.put("datasources.default.dialect", "POSTGRES");
    properties.put("datasources.default.maximum-pool-size", 4);
    properties.put("flyway.datasources.default.enabled", true);
    properties.put("dcop.public-url", "http://localhost:8080");
    properties.put("dcop.data-dir", directory.toString());
    byte[] kek = new byte[32];
    new SecureRandom().nextBytes(kek);
    properties.put("dcop.kek", Base64.getEncoder().encodeToString(kek));
    properties.put("dcop.max-json-bytes", 262144);
    properties.put("dcop.default-securing", "vc+jwt");
    properties.put("dcop.log.batch-size", batchSize);
    properties.put("dcop.log.sequence-interval", "24h");
    // as application.yml sets them, for the tests that allocate status entries
    properties.put("dcop.status.ttl", "5m");
    properties.put("dcop.status.list-size", 131072);
    properties.putAll(more);
    ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    return new LogDatabase(postgres, context);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Empties the log and the credentials. */
  void reset() {
    transactions.executeWrite(status -> {
      try (Statement statement = status.getConnection().createStatement()) {
        statement.execute(
            "truncate log_anchor, log_checkpoint, log_node, log_entry, status_change, status_entry, status_list,"
                // cascade: tables added later that point at credential are emptied too, instead of failing the truncate
                + " idempotency_key, credential restart identity cascade");
      }
      return null;
    });
  }

  /** Stores minimal credential rows for these ids (log_entry references credential), in one transaction. */
  public void insertCredentials(UUID... uuids) {
    transactions.executeWrite(status -> {
      try (PreparedStatement insert =
          status.getConnection().prepareStatement(
              "insert into credential (uuid, credential_id, issuer, subject, types, format, secured_form,"
                  + " secured_sha256, issued_at) values (?, ?, 'did:web:localhost%3A8080', null,"
                  + " '{VerifiableCredential}', 'vc+jwt', 'test', ?, now())")) {
        for (UUID uuid : uuids) {
          insert.setObject(1, uuid);
          insert.setString(2, "urn:uuid:" + uuid);
          insert.setBytes(3, new byte[32]);
          insert.addBatch();
        }
        return insert.executeBatch();
      }
    });
  }

  public long count(String sql) {
    return transactions.executeRead(status -> count(status.getConnection(), sql));
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
