package org.saypro.dcop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.saypro.dcop.ledger.AnchorGasMeter;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LocalDevChain;

/**
 * Gas per credential of anchoring ({@code --log}): one {@code anchor} transaction per checkpoint on a fresh {@code
 * CheckpointAnchor} on a local anvil chain, measured with {@link AnchorGasMeter}. The log's first checkpoint (one
 * entry) is anchored first, since the first anchor on a new contract also initialises a storage slot; then one
 * checkpoint per batch size, each covering that many more entries than the one before.
 */
final class LogAnchorGas {

  /** Credentials per checkpoint, in the order they are anchored. */
  static final List<Long> BATCH_SIZES = List.of(1L, 100L, 10_000L, 100_000L);

  /**
   * @param measurement the anchors: the log's first checkpoint, then one per {@link #BATCH_SIZES} entry
   * @param anvil the anvil binary and its version line
   */
  record Result(AnchorGasMeter.Measurement measurement, String anvil) {

    /** The steady-state anchor of the checkpoint that covers {@code BATCH_SIZES.get(i)} credentials. */
    AnchorGasMeter.Sample anchorOfBatch(int i) {
      return measurement.steady().get(i);
    }
  }

  private LogAnchorGas() {}

  /** The tree sizes anchored: 1 (the first checkpoint), then each batch added to the size before. */
  static long[] treeSizes() {
    long[] sizes = new long[BATCH_SIZES.size() + 1];
    sizes[0] = 1;
    for (int i = 0; i < BATCH_SIZES.size(); i++) {
      sizes[i + 1] = sizes[i] + BATCH_SIZES.get(i);
    }
    return sizes;
  }

  /** @throws IllegalStateException when anvil is missing (run {@code npm ci --prefix ledger-adapter}) or fails */
  static Result measure() {
    try (LocalDevChain chain = LocalDevChain.start()) {
      AnchorGasMeter.Measurement m = AnchorGasMeter.measure(LedgerSettings.forDevChain(chain), treeSizes());
      return new Result(m, chain.binary() + " (" + version(chain.binary().toString()) + ")");
    }
  }

  private static String version(String binary) {
    try {
      Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor(10, TimeUnit.SECONDS);
      return out.lines().findFirst().orElse("version unknown");
    } catch (IOException e) {
      return "version unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "version unknown";
    }
  }
}
