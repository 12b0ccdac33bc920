package org.saypro.dcop.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The issuer module's beans against a throwaway embedded PostgreSQL (the server the app starts by default, loopback
 * only), migrated with the issuer's own Flyway migrations: what the {@code --status} harnesses and {@code --bulk}
 * ({@link #start()}) and {@link LogAppend} ({@link #start(String, Map)}, with its own settings) run on.
 */
final class EmbeddedIssuer implements AutoCloseable {

  static final int LIST_SIZE = 131_072;
  private static final String DATABASE = "dcop";
  private static final String USER = "postgres";

  final ApplicationContext context;
  final TransactionOperations<Connection> transactions;
  /** Server version and durability settings: printed with the figures. */
  final String server;
  /** The migrations run ({@code N migrations to Vn}): printed with the figures. */
  final String migrations;

  private final Path directory;
  private final EmbeddedPostgres postgres;

  private EmbeddedIssuer(Path directory, Map<String, Object> settings) throws IOException, SQLException {
    this.directory = directory;
    // As the app's EmbeddedDatabase starts it (loopback only; fsync and synchronous commits on, where zonky's test
    // defaults have them off, ADR 30; WAL buffers that hold a bulk chunk's WAL, ADR 33), in a throwaway directory.
    this.postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory.resolve("postgres"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("wal_buffers", "64MB")
            .start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement create = admin.createStatement()) {
      create.execute("create database " + DATABASE);
    }
    String url = postgres.getJdbcUrl(USER, DATABASE);

    // The issuer's migrations, read from the issuer jar on the classpath.
    MigrateResult migrated =
        Flyway.configure().dataSource(url, USER, "").locations("classpath:db/migration").load().migrate();
    this.migrations = migrated.migrationsExecuted + " migrations to V" + migrated.targetSchemaVersion;
    try (Connection sql = postgres.getDatabase(USER, DATABASE).getConnection();
        Statement statement = sql.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select current_setting('server_version'), current_setting('synchronous_commit'),"
                    + " current_setting('fsync'), current_setting('wal_buffers')")) {
      row.next();
      this.server =
          "PostgreSQL " + row.getString(1) + " (embedded, zonky), synchronous_commit=" + row.getString(2) + ", fsync="
              + row.getString(3) + ", wal_buffers=" + row.getString(4);
    }

    Map<String, Object> properties = new HashMap<>();
    // The datasource as app/src/main/resources/application.yml and EmbeddedDatabase configure it.
    properties.put("datasources.default.url", url);
    properties.put("datasources.default.username", USER);
    properties.put("datasources.default.password", "");
    properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
    properties.put("datasources.default.db-type", "postgres");
    properties.put("datasources.default.dialect", "POSTGRES");
    properties.put("datasources.default.maximum-pool-size", 10);
    // The dcop.* settings the issuer's beans read, as in application.yml. The migrations already ran (above).
    properties.put("dcop.public-url", "http://localhost:8080");
    properties.put("dcop.data-dir", directory.toString());
    byte[] kek = new byte[32];
    new SecureRandom().nextBytes(kek);
    properties.put("dcop.kek", Base64.getEncoder().encodeToString(kek));
    properties.put("dcop.max-json-bytes", 262144);
    properties.put("dcop.default-securing", "vc+jwt");
    // learner emails as application.yml sets them with no DCOP_SMTP_HOST: queued in the outbox, delivery off
    properties.put("dcop.mail.smtp-port", 587);
    properties.put("dcop.mail.from", "DCoP Credentials <no-reply@localhost>");
    properties.put("dcop.mail.starttls", true);
    properties.put("dcop.mail.interval", "5s");
    properties.put("dcop.mail.claim-validity", "90d");
    // accounts creates the first admin at start; with a password given it prints no banner into the figures
    byte[] adminPassword = new byte[18];
    new SecureRandom().nextBytes(adminPassword);
    properties.put("dcop.admin.password", Base64.getEncoder().encodeToString(adminPassword));
    properties.putAll(settings);
    this.context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    this.transactions = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
  }

  /**
   * The issuer for the {@code --status} harnesses, with the status settings. The scheduled log sequencer is pushed out
   * of the way (its cost is {@code --log}'s subject), so status log entries stay pending.
   */
  static EmbeddedIssuer start() {
    return start(LIST_SIZE);
  }

  /** {@link #start()} with another {@code dcop.status.list-size}. */
  static EmbeddedIssuer start(int listSize) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("dcop.log.batch-size", 256);
    settings.put("dcop.log.sequence-interval", "24h");
    // as application.yml sets them
    settings.put("dcop.status.ttl", "5m");
    settings.put("dcop.status.list-size", listSize);
    return start("dcop-bench-status-", settings);
  }

  /**
   * An issuer in a new temporary directory named {@code prefix...}, with {@code settings} added to (or overriding) the
   * datasource and dcop.* properties every harness needs.
   */
  static EmbeddedIssuer start(String prefix, Map<String, Object> settings) {
    try {
      return new EmbeddedIssuer(Files.createTempDirectory(prefix), settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the embedded PostgreSQL", e);
    }
  }

  /** Server, durability settings and migrations, as the {@code --status} report prints them. */
  String description() {
    return server + "; " + migrations;
  }

  /** A server setting ({@code current_setting(name)}). */
  String setting(String name) {
    return transactions.executeRead(status -> {
      try (PreparedStatement statement = status.getConnection().prepareStatement("select current_setting(?)")) {
        statement.setString(1, name);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          return row.getString(1);
        }
      }
    });
  }

  /** The temporary directory of this issuer (PostgreSQL's data directory is {@code postgres} in it). */
  Path directory() {
    return directory;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** One number from a query, with parameters bound in order. */
  long number(String sql, Object... parameters) {
    return transactions.executeRead(status -> {
      try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameters[i]);
        }
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    });
  }

  /** Statements in one transaction. */
  void execute(String... statements) {
    transactions.executeWrite(status -> {
      try (Statement statement = status.getConnection().createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      return null;
    });
  }

  /** A statement that cannot run in a transaction block ({@code checkpoint}, {@code vacuum}), on its own connection. */
  void admin(String sql) {
    try (Connection connection = postgres.getDatabase(USER, DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  /**
   * Credential rows of the shape the issuer stores (the signed form is a stand-in: nothing here reads it), in the
   * caller's transaction.
   */
  static void insertCredentials(Connection connection, List<UUID> uuids) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into credential (uuid, credential_id, issuer, subject, types, format, secured_form,"
                + " secured_sha256, issued_at) values (?, ?, 'did:web:localhost%3A8080', null,"
                + " '{VerifiableCredential}', 'vc+jwt', 'bench', ?, now())")) {
      for (UUID uuid : uuids) {
        insert.setObject(1, uuid);
        insert.setString(2, "urn:uuid:" + uuid);
        insert.setBytes(3, new byte[32]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public void close() {
    try {
      if (context.isRunning()) {
        context.close();
      }
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
      } finally {
        deleteQuietly(directory);
      }
    }
  }

  private static void deleteQuietly(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException ignored) {
      // a temporary directory
    }
  }
}
