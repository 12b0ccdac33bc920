package org.saypro.dcop.ledger;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.exceptions.MessageDecodingException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.utils.Numeric;

/**
 * {@link AnchorLedger} over JSON-RPC with web3j.
 *
 * <p>Sending is explicit at every step: the node's chain id is checked once against the settings; the gas price is the
 * node's {@code eth_gasPrice}, refused above {@link LedgerSettings#maxGasPrice()}; the gas limit is {@code
 * eth_estimateGas} plus 20%, refused above {@link LedgerSettings#maxGasLimit()} (the estimate also simulates the call,
 * so a revert is caught with its reason before anything is signed); the nonce is the account's pending transaction
 * count; the transaction is a legacy EIP-155 one signed locally by a {@link RawTransactionManager}. Sends are
 * serialised so that two of them never take the same nonce.
 */
public final class Web3jAnchorLedger implements AnchorLedger {

  /** {@code event Anchored(uint64 indexed treeSize, bytes32 root, uint256 timestamp)}. */
  public static final Event ANCHORED_EVENT =
      new Event(
          "Anchored",
          List.of(new TypeReference<Uint64>(true) {}, new TypeReference<Bytes32>() {}, new TypeReference<Uint256>() {}));

  /** The event's topic 0: keccak256("Anchored(uint64,bytes32,uint256)"). */
  public static final String ANCHORED_TOPIC = EventEncoder.encode(ANCHORED_EVENT);

  private static final String ERROR_SELECTOR = "0x08c379a0";

  private final LedgerSettings settings;
  private final Connection connection;
  private final Credentials credentials;
  private final RawTransactionManager transactions;

  private Web3jAnchorLedger(LedgerSettings settings, Connection connection) {
    this.settings = settings;
    this.connection = connection;
    this.credentials = Credentials.create(Numeric.cleanHexPrefix(settings.privateKeyHex()));
    this.transactions = new RawTransactionManager(connection.web3j, credentials, settings.chainId());
  }

  /** A ledger for {@code settings}. Does not contact the node: a node that is down shows in the results later. */
  public static Web3jAnchorLedger connect(LedgerSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new Web3jAnchorLedger(settings, new Connection(settings.rpcUrl()));
  }

  @Override
  public Web3jAnchorLedger withContract(String address) {
    return new Web3jAnchorLedger(settings.withContractAddress(address), connection);
  }

  public LedgerSettings settings() {
    return settings;
  }

  /** The signing account's address (lowercase, {@code 0x}-prefixed). */
  public String account() {
    return credentials.getAddress();
  }

  @Override
  public Optional<String> contractAddress() {
    return Optional.ofNullable(settings.contractAddress());
  }

  // ------------------------------------------------------------------------------------------------------- publishing

  @Override
  public SendResult deploy() {
    return submit(null, ContractArtifacts.creationBytecode());
  }

  @Override
  public SendResult send(long treeSize, byte[] root) {
    requirePositiveSize(treeSize);
    Objects.requireNonNull(root, "root");
    if (root.length != 32) {
      throw new IllegalArgumentException("a root is 32 bytes, not " + root.length);
    }
    return submit(requireContract(), FunctionEncoder.encode(anchorFunction(treeSize, root)));
  }

  /** The calldata of {@code anchor(treeSize, root)}, for gas accounting. */
  public static String anchorCalldata(long treeSize, byte[] root) {
    return FunctionEncoder.encode(anchorFunction(treeSize, root));
  }

  private static Function anchorFunction(long treeSize, byte[] root) {
    return new Function("anchor", List.of(new Uint64(treeSize), new Bytes32(root)), List.of());
  }

  /** Simulates, prices, signs and submits one transaction; {@code to == null} creates a contract. */
  private SendResult submit(String to, String data) {
    synchronized (connection.sendLock) {
      try {
        Optional<String> wrongChain = checkChainId();
        if (wrongChain.isPresent()) {
          return new SendResult.Rejected(wrongChain.get());
        }
        BigInteger gasPrice = rpc(connection.web3j.ethGasPrice(), "eth_gasPrice").getGasPrice();
        if (gasPrice.compareTo(settings.maxGasPrice()) > 0) {
          return new SendResult.Unavailable(
              "gas price " + gasPrice + " wei is above the cap of " + settings.maxGasPrice() + " wei");
        }
        BigInteger nonce =
            rpc(
                    connection.web3j.ethGetTransactionCount(account(), DefaultBlockParameterName.PENDING),
                    "eth_getTransactionCount")
                .getTransactionCount();

        Transaction simulation =
            to == null
                ? Transaction.createContractTransaction(account(), nonce, gasPrice, data)
                : Transaction.createFunctionCallTransaction(account(), nonce, gasPrice, null, to, data);
        EthEstimateGas estimate = send(connection.web3j.ethEstimateGas(simulation));
        if (estimate.hasError()) {
          return classify(estimate.getError(), "eth_estimateGas");
        }
        BigInteger needed = estimate.getAmountUsed();
        if (needed.compareTo(settings.maxGasLimit()) > 0) {
          return new SendResult.Rejected(
              "the transaction needs " + needed + " gas, above the cap of " + settings.maxGasLimit());
        }
        BigInteger gasLimit =
            needed.multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5)).min(settings.maxGasLimit());

        RawTransaction raw =
            to == null
                ? RawTransaction.createContractTransaction(nonce, gasPrice, gasLimit, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, data);
        String signed = transactions.sign(raw);
        String localHash = Hash.sha3(signed);
        EthSendTransaction sent = send(connection.web3j.ethSendRawTransaction(signed));
        if (sent.hasError()) {
          String message = Objects.toString(sent.getError().getMessage(), "");
          if (message.toLowerCase().contains("already known")) {
            return new SendResult.Sent(localHash);
          }
          return classify(sent.getError(), "eth_sendRawTransaction");
        }
        return new SendResult.Sent(sent.getTransactionHash() != null ? sent.getTransactionHash() : localHash);
      } catch (LedgerUnavailableException e) {
        return new SendResult.Unavailable(e.getMessage());
      }
    }
  }

  /** Checks the node's chain id once per connection; a mismatch is a configuration error, never retried. */
  private Optional<String> checkChainId() {
    if (connection.chainIdChecked.get()) {
      return Optional.empty();
    }
    BigInteger nodeChainId = rpc(connection.web3j.ethChainId(), "eth_chainId").getChainId();
    if (nodeChainId.longValueExact() != settings.chainId()) {
      return Optional.of(
          "the node at " + settings.rpcUrl() + " serves chain " + nodeChainId + ", not " + settings.chainId());
    }
    connection.chainIdChecked.set(true);
    return Optional.empty();
  }

  /** A JSON-RPC error answer: a revert (code 3 or "execution reverted") is final, anything else from the node too. */
  private static SendResult classify(Response.Error error, String method) {
    String reason = revertReason(error);
    if (reason != null) {
      return new SendResult.Rejected(reason);
    }
    return new SendResult.Rejected(method + " failed: " + error.getMessage() + " (code " + error.getCode() + ")");
  }

  /**
   * The contract's revert reason in a JSON-RPC error, decoded from {@code Error(string)} data when present, else taken
   * from an {@code "execution reverted: ..."} message; null when the error is not a revert.
   */
  static String revertReason(Response.Error error) {
    String data = error.getData();
    if (data != null) {
      data = data.strip();
      if (data.length() >= 2 && data.startsWith("\"") && data.endsWith("\"")) {
        data = data.substring(1, data.length() - 1);
      }
      if (data.startsWith(ERROR_SELECTOR) && data.length() > ERROR_SELECTOR.length()) {
        try {
          @SuppressWarnings({"unchecked", "rawtypes"})
          List<TypeReference<Type>> stringType = (List) List.of(new TypeReference<Utf8String>() {});
          List<Type> decoded = FunctionReturnDecoder.decode(data.substring(ERROR_SELECTOR.length()), stringType);
          if (!decoded.isEmpty()) {
            return ((Utf8String) decoded.get(0)).getValue();
          }
        } catch (RuntimeException malformed) {
          // fall through to the message
        }
      }
    }
    String message = Objects.toString(error.getMessage(), "");
    String prefix = "execution reverted";
    if (message.startsWith(prefix)) {
      String rest = message.substring(prefix.length()).replaceFirst("^:\\s*", "").strip();
      return rest.isEmpty() ? "execution reverted without a reason" : rest;
    }
    return error.getCode() == 3 ? message : null;
  }

  @Override
  public Optional<AnchorReceipt> receipt(String txHash) {
    Objects.requireNonNull(txHash, "txHash");
    Optional<TransactionReceipt> found =
        rpc(connection.web3j.ethGetTransactionReceipt(txHash), "eth_getTransactionReceipt").getTransactionReceipt();
    if (found.isEmpty() || found.get().getBlockNumberRaw() == null) {
      return Optional.empty();
    }
    TransactionReceipt r = found.get();
    long block = r.getBlockNumber().longValueExact();
    long confirmations = Math.max(0, blockNumber() - block + 1);
    return Optional.of(
        new AnchorReceipt(
            r.getTransactionHash(),
            block,
            r.getBlockHash(),
            r.isStatusOK(),
            r.getGasUsed().longValueExact(),
            r.getContractAddress(),
            confirmations));
  }

  @Override
  public Optional<AnchorReceipt> awaitReceipt(String txHash, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<AnchorReceipt> receipt = receipt(txHash);
      if (receipt.isPresent()
          && (!receipt.get().succeeded() || receipt.get().confirmations() >= settings.confirmations())) {
        return receipt;
      }
      if (System.nanoTime() - deadline >= 0) {
        return Optional.empty();
      }
      try {
        Thread.sleep(Math.max(1, settings.pollInterval().toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------- reading

  @Override
  public Optional<byte[]> rootAt(long treeSize) {
    if (treeSize < 0) {
      throw new IllegalArgumentException("a tree size is not negative: " + treeSize);
    }
    Function rootOf =
        new Function("rootOf", List.of(new Uint64(treeSize)), List.of(new TypeReference<Bytes32>() {}));
    byte[] root = ((Bytes32) call(rootOf)).getValue();
    return isZero(root) ? Optional.empty() : Optional.of(root);
  }

  @Override
  public long latestSize() {
    Function latest = new Function("latestSize", List.of(), List.of(new TypeReference<Uint64>() {}));
    return ((Uint64) call(latest)).getValue().longValueExact();
  }

  private Type<?> call(Function function) {
    String contract = requireContract();
    EthCall result =
        rpc(
            connection.web3j.ethCall(
                Transaction.createEthCallTransaction(account(), contract, FunctionEncoder.encode(function)),
                DefaultBlockParameterName.LATEST),
            "eth_call " + function.getName());
    String value = result.getValue();
    if (value == null || Numeric.cleanHexPrefix(value).isEmpty()) {
      throw new IllegalStateException("no CheckpointAnchor contract answers at " + contract);
    }
    List<Type> decoded = FunctionReturnDecoder.decode(value, function.getOutputParameters());
    if (decoded.isEmpty()) {
      throw new IllegalStateException("unexpected answer from " + contract + " to " + function.getName());
    }
    return decoded.get(0);
  }

  @Override
  public Optional<AnchoredEvent> findAnchored(long treeSize, long fromBlock) {
    requirePositiveSize(treeSize);
    if (fromBlock < 0) {
      throw new IllegalArgumentException("a block number is not negative: " + fromBlock);
    }
    String contract = requireContract();
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)), DefaultBlockParameterName.LATEST, contract);
    filter.addSingleTopic(ANCHORED_TOPIC);
    filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(treeSize), 64));
    EthLog logs = rpc(connection.web3j.ethGetLogs(filter), "eth_getLogs");
    for (EthLog.LogResult<?> result : logs.getLogs()) {
      if (!(result.get() instanceof Log log) || log.isRemoved()) {
        continue;
      }
      List<Type> data = FunctionReturnDecoder.decode(log.getData(), ANCHORED_EVENT.getNonIndexedParameters());
      if (data.size() != 2) {
        continue;
      }
      byte[] root = ((Bytes32) data.get(0)).getValue();
      long timestamp = ((Uint256) data.get(1)).getValue().longValueExact();
      return Optional.of(
          new AnchoredEvent(
              treeSize,
              root,
              Instant.ofEpochSecond(timestamp),
              log.getTransactionHash(),
              log.getBlockNumber().longValueExact(),
              log.getBlockHash()));
    }
    return Optional.empty();
  }

  @Override
  public long blockNumber() {
    return rpc(connection.web3j.ethBlockNumber(), "eth_blockNumber").getBlockNumber().longValueExact();
  }

  @Override
  public Instant blockTime(long blockNumber) {
    EthBlock.Block block =
        rpc(
                connection.web3j.ethGetBlockByNumber(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber)), false),
                "eth_getBlockByNumber")
            .getBlock();
    if (block == null) {
      throw new IllegalArgumentException("the ledger has no block " + blockNumber);
    }
    return Instant.ofEpochSecond(block.getTimestamp().longValueExact());
  }

  @Override
  public void close() {
    connection.close();
  }

  // ---------------------------------------------------------------------------------------------------------- helpers

  private String requireContract() {
    if (settings.contractAddress() == null) {
      throw new IllegalStateException("no CheckpointAnchor contract address is configured: deploy one first");
    }
    return settings.contractAddress();
  }

  private static void requirePositiveSize(long treeSize) {
    if (treeSize < 1) {
      throw new IllegalArgumentException("a tree size to anchor is at least 1: " + treeSize);
    }
  }

  private static boolean isZero(byte[] bytes) {
    return Arrays.equals(bytes, new byte[bytes.length]);
  }

  /** Sends a request; a node that cannot be reached or answers garbage becomes a {@link LedgerUnavailableException}. */
  private <T extends Response<?>> T send(Request<?, T> request) {
    try {
      T response = request.send();
      if (response == null) {
        throw new LedgerUnavailableException(request.getMethod() + ": no answer from " + settings.rpcUrl());
      }
      return response;
    } catch (IOException | ClientConnectionException | MessageDecodingException e) {
      throw new LedgerUnavailableException(
          request.getMethod() + ": the node at " + settings.rpcUrl() + " cannot be reached (" + e + ")", e);
    }
  }

  /** Like {@link #send(Request)}, with an error answer also turned into a {@link LedgerUnavailableException}. */
  private <T extends Response<?>> T rpc(Request<?, T> request, String what) {
    T response = send(request);
    if (response.hasError()) {
      throw new LedgerUnavailableException(
          what + " failed at " + settings.rpcUrl() + ": " + response.getError().getMessage());
    }
    return response;
  }

  /** The web3j client and what the ledgers made from one {@link #connect} share. */
  private static final class Connection {
    final Web3j web3j;
    final ScheduledExecutorService executor;
    final Object sendLock = new Object();
    final AtomicBoolean chainIdChecked = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();

    Connection(String rpcUrl) {
      // An own executor: Web3j.build(service) would use web3j's shared static one, which shutdown() would stop for all.
      this.executor =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "web3j-ledger");
                thread.setDaemon(true);
                return thread;
              });
      this.web3j = Web3j.build(new HttpService(rpcUrl), 1_000L, executor);
    }

    void close() {
      if (closed.compareAndSet(false, true)) {
        web3j.shutdown();
      }
    }
  }
}
