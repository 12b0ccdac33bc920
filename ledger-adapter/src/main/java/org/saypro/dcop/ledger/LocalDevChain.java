package org.saypro.dcop.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Ethereum dev chain: anvil (Foundry), from the npm package {@code @foundry-rs/anvil-linux-amd64} that {@code
 * npm ci --prefix ledger-adapter} installs, listening on 127.0.0.1, mining every transaction at once, with anvil's ten
 * well-known dev accounts (the "test test ... junk" mnemonic, 10,000 ETH each). For development and tests only: its
 * keys are public.
 *
 * <p>With a {@linkplain Builder#stateFile state file} the chain survives restarts: anvil loads the file on start and
 * writes it on {@link #stop()} (and every {@linkplain Builder#stateInterval interval}, so that little is lost if the
 * process is killed).
 *
 * <p>The binary is found, in this order, at the system property {@code dcop.anvil}, the environment variable {@code
 * DCOP_ANVIL}, inside {@code node_modules/@foundry-rs/anvil-<platform>/bin/} of the working directory, of a {@code
 * ledger-adapter/} beside it or of any parent directory (after {@code npm ci --prefix ledger-adapter}), and finally on
 * the {@code PATH}.
 */
public final class LocalDevChain implements AutoCloseable {

  public static final long DEFAULT_CHAIN_ID = 31337;

  /** anvil's default dev accounts' private keys (mnemonic "test test test test test test test test test test test junk"). */
  private static final List<String> DEV_KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
          "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
          "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
          "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
          "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
          "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

  private static final String HOST = "127.0.0.1";
  private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:\\s*\"(0x[0-9a-fA-F]+)\"");

  private final Path binary;
  private final long chainId;
  private final Path stateFile;
  private final Duration stateInterval;
  private final String hardfork;
  private final Duration startupTimeout;
  private final Path errorLog;

  private int port;
  private Process process;
  private Thread shutdownHook;

  private LocalDevChain(Builder builder) throws IOException {
    this.binary = builder.binary != null ? builder.binary : locateAnvil();
    this.chainId = builder.chainId;
    this.stateFile = builder.stateFile;
    this.stateInterval = builder.stateInterval;
    this.hardfork = builder.hardfork;
    this.startupTimeout = builder.startupTimeout;
    this.port = builder.port;
    this.errorLog = Files.createTempFile("anvil-", ".log");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts an ephemeral chain (no state file) on a free loopback port. */
  public static LocalDevChain start() {
    return builder().start();
  }

  /** The JSON-RPC endpoint, {@code http://127.0.0.1:<port>}. */
  public String rpcUrl() {
    return "http://" + HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public long chainId() {
    return chainId;
  }

  public Optional<Path> stateFile() {
    return Optional.ofNullable(stateFile);
  }

  /** The anvil executable in use. */
  public Path binary() {
    return binary;
  }

  /** The private key ({@code 0x} and 64 hex digits) of dev account {@code index}, 0 to 9; account 0 is the default. */
  public String devPrivateKey(int index) {
    Objects.checkIndex(index, DEV_KEYS.size());
    return DEV_KEYS.get(index);
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Starts anvil again on the same port, from the state file if there is one (without one, the chain starts empty).
   *
   * @throws IllegalStateException if it is running, or does not answer in time
   */
  public synchronized void restart() {
    if (isRunning()) {
      throw new IllegalStateException("the dev chain is running");
    }
    launch(false);
  }

  /**
   * Stops anvil with SIGTERM, so that it writes its state file, and waits for it to exit. Does nothing if it is not
   * running.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
    removeShutdownHook();
  }

  /** Kills anvil at once (SIGKILL), as a crash would: the state file keeps only what the last interval wrote. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
    removeShutdownHook();
  }

  /** {@link #stop()}, then removes the temporary log file. */
  @Override
  public synchronized void close() {
    stop();
    try {
      Files.deleteIfExists(errorLog);
    } catch (IOException ignored) {
      // a temporary file
    }
  }

  @Override
  public String toString() {
    return "LocalDevChain[" + rpcUrl() + ", chainId=" + chainId + (stateFile != null ? ", state=" + stateFile : "") + "]";
  }

  // ------------------------------------------------------------------------------------------------------ launching

  private synchronized void launch(boolean mayChangePort) {
    int attempts = mayChangePort ? 3 : 1;
    String failure = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (mayChangePort) {
        port = freePort();
      }
      Process started = spawn();
      String outcome = awaitJsonRpc(started);
      if (outcome == null) {
        process = started;
        shutdownHook = new Thread(started::destroy, "anvil-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        return;
      }
      started.destroyForcibly();
      failure = outcome;
    }
    throw new IllegalStateException("anvil did not start: " + failure + logTail());
  }

  private Process spawn() {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of("--host", HOST, "--port", Integer.toString(port)));
    command.addAll(List.of("--chain-id", Long.toString(chainId)));
    command.add("--quiet");
    if (hardfork != null) {
      command.addAll(List.of("--hardfork", hardfork));
    }
    if (stateFile != null) {
      command.addAll(List.of("--state", stateFile.toAbsolutePath().toString()));
      if (stateInterval != null) {
        command.addAll(List.of("--state-interval", Long.toString(Math.max(1, stateInterval.toSeconds()))));
      }
    }
    try {
      return new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + binary, e);
    }
  }

  /** Null once {@code eth_chainId} answers with the expected id, else why not. */
  private String awaitJsonRpc(Process started) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(rpcUrl()))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build();
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!started.isAlive()) {
        return "anvil exited with status " + started.exitValue() + " (port " + port + " taken?)";
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = RESULT.matcher(response.body());
        if (response.statusCode() == 200 && m.find()) {
          long answered = Long.parseLong(m.group(1).substring(2), 16);
          return answered == chainId ? null : "anvil answers with chain id " + answered + ", not " + chainId;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    return "no JSON-RPC answer on " + rpcUrl() + " within " + startupTimeout;
  }

  private String logTail() {
    try {
      String log = Files.readString(errorLog, StandardCharsets.UTF_8).strip();
      if (log.isEmpty()) {
        return "";
      }
      return "; anvil said: " + (log.length() > 2000 ? log.substring(log.length() - 2000) : log);
    } catch (IOException e) {
      return "";
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      shutdownHook = null;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  // ------------------------------------------------------------------------------------------------- finding anvil

  /** The npm platform package's directory name part for this machine, e.g. {@code linux-amd64}. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osPart = os.contains("win") ? "win32" : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
    String archPart = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
    return osPart + "-" + archPart;
  }

  /**
   * The anvil executable (see the class comment for the search order).
   *
   * @throws IllegalStateException when there is none, saying how to install it
   */
  public static Path locateAnvil() {
    for (String configured : new String[] {System.getProperty("dcop.anvil"), System.getenv("DCOP_ANVIL")}) {
      if (configured != null && !configured.isBlank()) {
        Path path = Path.of(configured);
        if (Files.isExecutable(path)) {
          return path;
        }
        throw new IllegalStateException("anvil is configured at " + path + " but is not executable there");
      }
    }
    String exe = platform().startsWith("win32") ? "anvil.exe" : "anvil";
    Path inPackage = Path.of("node_modules", "@foundry-rs", "anvil-" + platform(), "bin", exe);
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve(inPackage), dir.resolve("ledger-adapter").resolve(inPackage))) {
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, exe);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "anvil not found: run `npm ci --prefix ledger-adapter` in the repository (it installs @foundry-rs/anvil),"
            + " or set -Ddcop.anvil=/path/to/anvil");
  }

  // ---------------------------------------------------------------------------------------------------------- builder

  public static final class Builder {
    private Path binary;
    private long chainId = DEFAULT_CHAIN_ID;
    private int port;
    private Path stateFile;
    private Duration stateInterval;
    private String hardfork;
    private Duration startupTimeout = Duration.ofSeconds(20);

    private Builder() {}

    /** The anvil executable; default {@link #locateAnvil()}. */
    public Builder binary(Path binary) {
      this.binary = binary;
      return this;
    }

    /** Default {@value LocalDevChain#DEFAULT_CHAIN_ID}. */
    public Builder chainId(long chainId) {
      this.chainId = chainId;
      return this;
    }

    /** A fixed loopback port; default 0, a free port chosen at start. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Keep the chain in this file across restarts ({@code anvil --state}); default none, an ephemeral chain. */
    public Builder stateFile(Path stateFile) {
      this.stateFile = stateFile;
      return this;
    }

    /** Also write the state file this often while running ({@code --state-interval}, whole seconds). */
    public Builder stateInterval(Duration interval) {
      this.stateInterval = interval;
      return this;
    }

    /** The EVM hardfork ({@code --hardfork}, e.g. "prague"); default anvil's latest. */
    public Builder hardfork(String hardfork) {
      this.hardfork = hardfork;
      return this;
    }

    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /**
     * Starts the chain and waits until it answers {@code eth_chainId}.
     *
     * @throws IllegalStateException when anvil is missing or does not answer in time
     */
    public LocalDevChain start() {
      LocalDevChain chain;
      try {
        chain = new LocalDevChain(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      chain.launch(port == 0);
      return chain;
    }
  }
}
