package org.saypro.dcop.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server run from binaries shipped in a Maven artifact, with its data in a fixed directory that
 * survives restarts. It listens on loopback only and is used when no external database is configured.
 *
 * <p>zonky starts its servers for tests: with {@code -F} (no fsync, so a power cut or OS crash can corrupt the data
 * directory) and {@code synchronous_commit=off} (a crash loses the last commits, after the client was told they
 * happened). This one holds issued credentials and the log whose checkpoints are anchored on a ledger, so both are put
 * back to PostgreSQL's defaults (ADR 30).
 *
 * <p>{@code wal_buffers} is raised from its default (1/32 of {@code shared_buffers}, 4 MB here) to 64 MB: one chunk of
 * a bulk upload writes about 5.7 MB of WAL in one transaction, so with the default the backends stall writing the WAL
 * out themselves, thousands of times per 100,000 credentials, instead of once per commit (ADR 33).
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "dcop";
  /** Enough WAL buffers for the chunks of a bulk upload in flight at once (ADR 33). */
  static final String WAL_BUFFERS = "64MB";

  private static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path directory = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(directory.getParent());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("wal_buffers", WAL_BUFFERS)
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres);
      database.createDatabaseIfMissing();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + DATABASE, e);
    }
  }

  /** The datasource settings that point Micronaut at this server. */
  Map<String, Object> datasourceProperties() {
    return Map.of(
        "datasources.default.url", postgres.getJdbcUrl(USER, DATABASE),
        "datasources.default.username", USER,
        "datasources.default.password", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
