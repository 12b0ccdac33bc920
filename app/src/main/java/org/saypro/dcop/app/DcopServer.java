package org.saypro.dcop.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.processor.ScheduledMethodProcessor;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.saypro.dcop.ledger.LocalDevChain;
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

  static final String EXTERNAL_LEDGER_URL = "DCOP_LEDGER_RPC_URL";

  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final EmbeddedDatabase database;
  private final LocalDevChain chain;

  private DcopServer(ApplicationContext context, EmbeddedServer server, EmbeddedDatabase database, LocalDevChain chain) {
    this.context = context;
    this.server = server;
    this.database = database;
    this.chain = chain;
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
    LocalDevChain chain = null;
    try {
      chain = startDevChainUnlessConfigured(properties);
      ApplicationContext context =
          ApplicationContext.builder().properties(properties).args(args).mainClass(Application.class).start();
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      server.start();
      LOG.info("DCoP Credentials listening on {}", server.getURL());
      return new DcopServer(context, server, database, chain);
    } catch (RuntimeException e) {
      if (chain != null) {
        chain.close();
      }
      if (database != null) {
        database.close();
      }
      throw e;
    }
  }

  /**
   * Without a configured ledger, a local development chain (anvil, from ledger-adapter's npm packages) is started on
   * loopback with its state kept in the data directory, unless {@code dcop.ledger.dev-chain} is false. Without anvil,
   * anchoring is off, and the log says so.
   */
  private static LocalDevChain startDevChainUnlessConfigured(Map<String, Object> properties) {
    boolean configured = properties.containsKey("dcop.ledger.rpc-url")
        || Optional.ofNullable(System.getenv(EXTERNAL_LEDGER_URL)).filter(url -> !url.isBlank()).isPresent();
    boolean wanted = !"false".equals(String.valueOf(properties.getOrDefault("dcop.ledger.dev-chain",
        Optional.ofNullable(System.getenv("DCOP_LEDGER_DEV_CHAIN")).orElse("true"))));
    if (configured || !wanted) {
      if (!configured) {
        LOG.warn("ledger anchoring is OFF: no DCOP_LEDGER_RPC_URL and the local development chain is disabled");
      }
      return null;
    }
    Path anvil;
    try {
      anvil = LocalDevChain.locateAnvil();
    } catch (IllegalStateException e) {
      LOG.warn("ledger anchoring is OFF: no DCOP_LEDGER_RPC_URL and no local chain ({})", e.getMessage());
      return null;
    }
    Path state = dataDir(properties).resolve("ledger").resolve("anvil-state.json").toAbsolutePath();
    try {
      java.nio.file.Files.createDirectories(state.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // state is saved every few seconds, so a killed server does not lose the chain its contract lives on
    LocalDevChain chain =
        LocalDevChain.builder().binary(anvil).stateFile(state).stateInterval(java.time.Duration.ofSeconds(5)).start();
    properties.put("dcop.ledger.rpc-url", chain.rpcUrl());
    properties.put("dcop.ledger.chain-id", chain.chainId());
    properties.put("dcop.ledger.private-key", chain.devPrivateKey(0));
    LOG.info("anchoring on a local development chain (anvil) at {}, state in {}", chain.rpcUrl(), state);
    return chain;
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

  /**
   * Stops the {@code @Scheduled} workers (log sequencer, anchoring) before the context closes, and waits for a round
   * in progress to end. Otherwise a round that starts while beans are being destroyed asks the context for its bean
   * again, and fails loudly because the datasource it needs is already gone.
   */
  private void stopScheduledTasks() {
    context.findBean(ScheduledMethodProcessor.class).ifPresent(ScheduledMethodProcessor::close);
    context.findBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.SCHEDULED)).ifPresent(executor -> {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
          LOG.warn("a scheduled task is still running after 10 s; closing anyway");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
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
        stopScheduledTasks();
        context.close();
      }
    } finally {
      if (chain != null) {
        chain.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }
}
