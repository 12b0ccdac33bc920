package org.saypro.dcop.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * Measures the gas of {@code anchor} calls on a fresh {@code CheckpointAnchor}, for the benchmark and the docs.
 *
 * <p>An anchor stores one size and one 32-byte root whatever the checkpoint covers, so its cost cannot grow with the
 * number of credentials. What does vary, by a few dozen gas, is the calldata price (EIP-2028: 4 gas per zero byte, 16
 * per other byte): a larger size has more non-zero bytes, and a root may contain zero bytes. {@link Sample#executionGas}
 * takes the 21,000 base and the calldata out and is the same for every anchor but the first, which also turns the
 * "latest size" slot from zero to non-zero (EIP-2200: 20,000 instead of 2,900 gas).
 */
public final class AnchorGasMeter {

  /** The base cost of any transaction. */
  public static final long TX_BASE_GAS = 21_000;

  private AnchorGasMeter() {}

  /**
   * One anchor.
   *
   * @param treeSize the anchored size
   * @param gasUsed the receipt's gas used
   * @param calldataGas what its calldata cost (4 gas a zero byte, 16 any other)
   */
  public record Sample(long treeSize, long gasUsed, long calldataGas) {

    /** Gas spent executing the contract: {@code gasUsed - 21000 - calldataGas}. */
    public long executionGas() {
      return gasUsed - TX_BASE_GAS - calldataGas;
    }
  }

  /**
   * A measurement run.
   *
   * @param deploymentGas gas used to create the contract
   * @param anchors the anchors in order; the first one is on an empty contract
   */
  public record Measurement(long deploymentGas, List<Sample> anchors) {

    public Measurement {
      anchors = List.copyOf(anchors);
    }

    /** The first anchor on a new contract (dearer: it initialises the latest-size slot). */
    public Sample first() {
      return anchors.get(0);
    }

    /** The anchors after the first: the steady state of a running log. */
    public List<Sample> steady() {
      return anchors.subList(1, anchors.size());
    }

    /** The largest gas used by a steady-state anchor. */
    public long maxSteadyGas() {
      return steady().stream().mapToLong(Sample::gasUsed).max().orElseThrow();
    }

    /** The smallest gas used by a steady-state anchor. */
    public long minSteadyGas() {
      return steady().stream().mapToLong(Sample::gasUsed).min().orElseThrow();
    }

    /** True when every steady-state anchor spent the same execution gas, whatever size it anchored. */
    public boolean executionGasIsConstant() {
      return steady().stream().mapToLong(Sample::executionGas).distinct().count() == 1;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("deployment: ").append(deploymentGas).append(" gas\n");
      for (Sample s : anchors) {
        text.append(String.format(
            "anchor(size=%d): %d gas (calldata %d, execution %d)%n",
            s.treeSize(), s.gasUsed(), s.calldataGas(), s.executionGas()));
      }
      return text.toString();
    }
  }

  /**
   * Deploys a new contract with {@code settings} (its contract address is ignored) and anchors each of {@code
   * treeSizes}, which must increase, with a root derived from the size.
   *
   * @throws IllegalStateException when the ledger rejects or does not mine a transaction within a minute
   */
  public static Measurement measure(LedgerSettings settings, long... treeSizes) {
    if (treeSizes.length < 2) {
      throw new IllegalArgumentException("measure at least two anchors: the first one is special");
    }
    Duration timeout = Duration.ofMinutes(1);
    try (Web3jAnchorLedger deployer = Web3jAnchorLedger.connect(settings.withContractAddress(null))) {
      AnchorReceipt deployed = mined(deployer, deployer.deploy(), timeout, "deployment");
      Web3jAnchorLedger ledger = deployer.withContract(deployed.createdContract().orElseThrow());
      List<Sample> samples = new ArrayList<>();
      for (long size : treeSizes) {
        byte[] root = rootFor(size);
        AnchorReceipt receipt = mined(ledger, ledger.send(size, root), timeout, "anchor(" + size + ")");
        samples.add(new Sample(size, receipt.gasUsed(), calldataGas(Web3jAnchorLedger.anchorCalldata(size, root))));
      }
      return new Measurement(deployed.gasUsed(), samples);
    }
  }

  /**
   * Starts an ephemeral {@link LocalDevChain}, measures anchors of sizes 10, 1,000, 1,000,000 and 1,000,000,000 (as if
   * each checkpoint covered that many credentials), and stops the chain.
   */
  public static Measurement onDevChain() {
    try (LocalDevChain chain = LocalDevChain.start()) {
      return measure(LedgerSettings.forDevChain(chain), 10, 1_000, 1_000_000, 1_000_000_000);
    }
  }

  /** The EIP-2028 price of {@code 0x}-hex calldata: 4 gas a zero byte, 16 any other. */
  public static long calldataGas(String hexData) {
    long gas = 0;
    for (byte b : Numeric.hexStringToByteArray(hexData)) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }

  private static AnchorReceipt mined(AnchorLedger ledger, SendResult sent, Duration timeout, String what) {
    if (!(sent instanceof SendResult.Sent s)) {
      throw new IllegalStateException(what + " was not sent: " + sent);
    }
    AnchorReceipt receipt =
        ledger
            .awaitReceipt(s.txHash(), timeout)
            .orElseThrow(() -> new IllegalStateException(what + " was not mined within " + timeout));
    if (!receipt.succeeded()) {
      throw new IllegalStateException(what + " reverted: " + receipt);
    }
    return receipt;
  }

  /** A stand-in Merkle root: SHA-256 of the size. */
  private static byte[] rootFor(long size) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Prints a measurement on a fresh dev chain: {@code java ... org.saypro.dcop.ledger.AnchorGasMeter}. */
  public static void main(String[] args) {
    System.out.print(onDevChain());
  }
}
