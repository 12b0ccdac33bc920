package org.saypro.dcop.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the whole service in the right order: the embedded database (unless an external one is
 * configured), then the application context and HTTP server; on close, the reverse. Tests start the server through
 * this same class, so what they exercise is what {@code dcop serve} runs.
 */
public final class DcopServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DcopServer.class);
  static final String EXTERNAL_DATABASE_URL = "DATASOURCES_DEFAULT_URL";

  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final EmbeddedDatabase database;

  private DcopServer(ApplicationContext context, EmbeddedServer server, EmbeddedDatabase database) {
    this.context = context;
    this.server = server;
    this.database = database;
  }

  /**
   * @param overrides configuration properties that take precedence over the environment (tests use these)
   */
  public static DcopServer start(Map<String, Object> overrides, String... args) {
    Map<String, Object> properties = new HashMap<>(overrides);
    EmbeddedDatabase database = null;
    if (!externalDatabaseConfigured(properties)) {
      Path dataDir = dataDir(properties);
      database = EmbeddedDatabase.start(dataDir);
      properties.putAll(database.datasourceProperties());
      LOG.info("using embedded PostgreSQL with data in {}", dataDir.resolve("postgres").toAbsolutePath());
    }
    try {
      ApplicationContext context =
          ApplicationContext.builder().properties(properties).args(args).mainClass(Application.class).start();
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      server.start();
      LOG.info("DCoP Credentials listening on {}", server.getURL());
      return new DcopServer(context, server, database);
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      }
      throw e;
    }
  }

  private static boolean externalDatabaseConfigured(Map<String, Object> properties) {
    return properties.containsKey("datasources.default.url")
        || System.getProperty("datasources.default.url") != null
        || Optional.ofNullable(System.getenv(EXTERNAL_DATABASE_URL)).filter(url -> !url.isBlank()).isPresent();
  }

  private static Path dataDir(Map<String, Object> properties) {
    Object configured = properties.get("dcop.data-dir");
    if (configured == null) {
      configured = Optional.ofNullable(System.getenv("DCOP_DATA_DIR")).filter(d -> !d.isBlank()).orElse("./data");
    }
    return Path.of(configured.toString());
  }

  public URI uri() {
    return server.getURI();
  }

  public ApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    try {
      if (context.isRunning()) {
        context.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }
}
