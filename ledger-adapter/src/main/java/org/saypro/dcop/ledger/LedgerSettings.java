package org.saypro.dcop.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the ledger and sign for it.
 *
 * @param rpcUrl the node's JSON-RPC HTTP endpoint
 * @param chainId the chain id signed into every transaction (EIP-155); checked against the node's
 * @param contractAddress the {@code CheckpointAnchor} contract, or null before deployment
 * @param privateKeyHex the signing account's secp256k1 private key, 64 hex digits with or without {@code 0x}; never
 *     printed by {@link #toString()}
 * @param maxGasPrice the highest gas price (wei) this adapter pays; above it, sending is {@link
 *     SendResult.Unavailable} until the price falls
 * @param maxGasLimit the most gas one transaction may use; a call estimated above it is {@link SendResult.Rejected}
 * @param confirmations blocks (the including one counted) before {@link PublishAnchor#awaitReceipt} reports a
 *     transaction, at least 1
 * @param pollInterval how often {@link PublishAnchor#awaitReceipt} asks for a receipt
 */
public record LedgerSettings(
    String rpcUrl,
    long chainId,
    String contractAddress,
    String privateKeyHex,
    BigInteger maxGasPrice,
    BigInteger maxGasLimit,
    int confirmations,
    Duration pollInterval) {

  /** 100 gwei. */
  public static final BigInteger DEFAULT_MAX_GAS_PRICE = BigInteger.valueOf(100_000_000_000L);

  /** Enough for a deployment (about 270,000 gas) with room to spare; an anchor needs about 51,300. */
  public static final BigInteger DEFAULT_MAX_GAS_LIMIT = BigInteger.valueOf(1_000_000L);

  public LedgerSettings {
    Objects.requireNonNull(rpcUrl, "rpcUrl");
    URI uri = URI.create(rpcUrl);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("rpcUrl must be http or https: " + rpcUrl);
    }
    if (chainId <= 0) {
      throw new IllegalArgumentException("chainId must be positive: " + chainId);
    }
    if (contractAddress != null && !contractAddress.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("contractAddress must be 0x and 40 hex digits: " + contractAddress);
    }
    Objects.requireNonNull(privateKeyHex, "privateKeyHex");
    privateKeyHex = privateKeyHex.strip();
    if (!privateKeyHex.matches("(0x)?[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("privateKeyHex must be 64 hex digits");
    }
    Objects.requireNonNull(maxGasPrice, "maxGasPrice");
    Objects.requireNonNull(maxGasLimit, "maxGasLimit");
    if (maxGasPrice.signum() <= 0 || maxGasLimit.signum() <= 0) {
      throw new IllegalArgumentException("maxGasPrice and maxGasLimit must be positive");
    }
    if (confirmations < 1) {
      throw new IllegalArgumentException("confirmations must be at least 1: " + confirmations);
    }
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
  }

  /** Settings with the defaults: no contract yet, gas caps as above, 1 confirmation, polling every second. */
  public static LedgerSettings of(String rpcUrl, long chainId, String privateKeyHex) {
    return new LedgerSettings(
        rpcUrl, chainId, null, privateKeyHex, DEFAULT_MAX_GAS_PRICE, DEFAULT_MAX_GAS_LIMIT, 1, Duration.ofSeconds(1));
  }

  /** Like {@link #of} with the private key read from a file holding its hex digits (surrounding blanks ignored). */
  public static LedgerSettings withKeyFile(String rpcUrl, long chainId, Path keyFile) {
    try {
      return of(rpcUrl, chainId, Files.readString(keyFile, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger key file " + keyFile, e);
    }
  }

  /** Settings for a local dev chain, signing with its first dev account and polling every 50 ms. */
  public static LedgerSettings forDevChain(LocalDevChain chain) {
    return forDevChain(chain, 0);
  }

  /** Settings for a local dev chain, signing with dev account {@code account} (0 to 9). */
  public static LedgerSettings forDevChain(LocalDevChain chain, int account) {
    return of(chain.rpcUrl(), chain.chainId(), chain.devPrivateKey(account)).withPollInterval(Duration.ofMillis(50));
  }

  public LedgerSettings withContractAddress(String address) {
    return new LedgerSettings(
        rpcUrl, chainId, address, privateKeyHex, maxGasPrice, maxGasLimit, confirmations, pollInterval);
  }

  public LedgerSettings withPrivateKeyHex(String key) {
    return new LedgerSettings(
        rpcUrl, chainId, contractAddress, key, maxGasPrice, maxGasLimit, confirmations, pollInterval);
  }

  public LedgerSettings withRpcUrl(String url) {
    return new LedgerSettings(
        url, chainId, contractAddress, privateKeyHex, maxGasPrice, maxGasLimit, confirmations, pollInterval);
  }

  public LedgerSettings withMaxGasPrice(BigInteger wei) {
    return new LedgerSettings(
        rpcUrl, chainId, contractAddress, privateKeyHex, wei, maxGasLimit, confirmations, pollInterval);
  }

  public LedgerSettings withMaxGasLimit(BigInteger gas) {
    return new LedgerSettings(
        rpcUrl, chainId, contractAddress, privateKeyHex, maxGasPrice, gas, confirmations, pollInterval);
  }

  public LedgerSettings withConfirmations(int blocks) {
    return new LedgerSettings(
        rpcUrl, chainId, contractAddress, privateKeyHex, maxGasPrice, maxGasLimit, blocks, pollInterval);
  }

  public LedgerSettings withPollInterval(Duration interval) {
    return new LedgerSettings(
        rpcUrl, chainId, contractAddress, privateKeyHex, maxGasPrice, maxGasLimit, confirmations, interval);
  }

  /** Everything but the private key. */
  @Override
  public String toString() {
    return "LedgerSettings[rpcUrl=" + rpcUrl + ", chainId=" + chainId + ", contractAddress=" + contractAddress
        + ", privateKeyHex=<redacted>, maxGasPrice=" + maxGasPrice + ", maxGasLimit=" + maxGasLimit
        + ", confirmations=" + confirmations + ", pollInterval=" + pollInterval + "]";
  }
}
