package org.saypro.dcop.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import jakarta.inject.Singleton;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.LedgerContract;
import org.saypro.dcop.core.anchor.ReadContractAnchors;
import org.saypro.dcop.ledger.AnchorReceipt;
import org.saypro.dcop.ledger.ContractAnchorReader;
import org.saypro.dcop.ledger.LedgerAnchorCheckpoints;
import org.saypro.dcop.ledger.LedgerSettings;
import org.saypro.dcop.ledger.LedgerUnavailableException;
import org.saypro.dcop.ledger.SendResult;
import org.saypro.dcop.ledger.Web3jAnchorLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects log anchoring to the configured Ethereum network ({@code dcop.ledger.*}, set from DCOP_LEDGER_* or by
 * {@link DcopServer} for the local development chain). Without a ledger no anchoring bean exists and the log says
 * so. A missing contract address means: deploy once, and remember the address in the data directory.
 */
@Factory
class LedgerWiring {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerWiring.class);

  /** The connection, the account and this deployment's contract (deployed on first start when none is given). */
  record ConnectedLedger(Web3jAnchorLedger ledger, LedgerContract contract, int confirmations, String description) {}

  @Context
  @Requires(property = "dcop.ledger.rpc-url")
  ConnectedLedger connectedLedger(
      @Value("${dcop.ledger.rpc-url}") String rpcUrl,
      @Value("${dcop.ledger.chain-id}") long chainId,
      @Nullable @Value("${dcop.ledger.private-key:}") String privateKey,
      @Nullable @Value("${dcop.ledger.key-file:}") String keyFile,
      @Nullable @Value("${dcop.ledger.contract-address:}") String contractAddress,
      @Value("${dcop.ledger.confirmations:1}") int confirmations,
      @Value("${dcop.ledger.max-gas-price-gwei:100}") long maxGasPriceGwei,
      @Value("${dcop.data-dir}") String dataDir) {
    LedgerSettings settings =
        (keyFile != null && !keyFile.isBlank())
            ? LedgerSettings.withKeyFile(rpcUrl, chainId, Path.of(keyFile))
            : LedgerSettings.of(rpcUrl, chainId, Optional.ofNullable(privateKey).orElse(""));
    settings = settings.withMaxGasPrice(BigInteger.valueOf(maxGasPriceGwei).multiply(BigInteger.TEN.pow(9)))
        .withConfirmations(confirmations);
    Web3jAnchorLedger ledger = Web3jAnchorLedger.connect(settings);
    Path remembered = Path.of(dataDir).resolve("ledger").resolve("contract-" + chainId);
    String address =
        (contractAddress != null && !contractAddress.isBlank()) ? contractAddress : rememberedOrDeployed(ledger, remembered);
    return new ConnectedLedger(
        ledger, new LedgerContract(chainId, address), confirmations,
        "chain " + chainId + " contract " + address + " via " + rpcUrl);
  }

  @Singleton
  @Requires(property = "dcop.ledger.rpc-url")
  AnchorCheckpoints anchorCheckpoints(ConnectedLedger connected) {
    return new LedgerAnchorCheckpoints(
        connected.ledger().withContract(connected.contract().address()), connected.confirmations(),
        connected.description());
  }

  /** This deployment's anchor contract, announced in its DID document. */
  @Singleton
  @Requires(property = "dcop.ledger.rpc-url")
  LedgerContract ledgerContract(ConnectedLedger connected) {
    return connected.contract();
  }

  /** Reads any deployment's anchor contract on the same chain, for the verifier. */
  @Singleton
  @Requires(property = "dcop.ledger.rpc-url")
  ReadContractAnchors readContractAnchors(ConnectedLedger connected) {
    return new ContractAnchorReader(connected.ledger(), connected.contract().chainId(), connected.confirmations());
  }

  private static String rememberedOrDeployed(Web3jAnchorLedger ledger, Path remembered) {
    try {
      if (Files.exists(remembered)) {
        String address = Files.readString(remembered).strip();
        try {
          ledger.withContract(address).latestSize();
        } catch (LedgerUnavailableException down) {
          LOG.warn("cannot check the CheckpointAnchor contract at {} now: {}", address, down.getMessage());
        } catch (IllegalStateException gone) {
          throw new IllegalStateException("no CheckpointAnchor contract answers at " + address + ", remembered in "
              + remembered + ": the chain was reset or is another one; delete that file to deploy a new contract", gone);
        }
        return address;
      }
      SendResult deployed = ledger.deploy();
      if (!(deployed instanceof SendResult.Sent sent)) {
        throw new IllegalStateException("deploying the CheckpointAnchor contract failed: " + deployed);
      }
      AnchorReceipt receipt =
          ledger.awaitReceipt(sent.txHash(), Duration.ofSeconds(60))
              .orElseThrow(() -> new IllegalStateException("the contract deployment was not mined in 60 s"));
      String address =
          receipt.createdContract().orElseThrow(() -> new IllegalStateException("the deployment created no contract"));
      Files.createDirectories(remembered.getParent());
      Files.writeString(remembered, address);
      LOG.info("deployed the CheckpointAnchor contract at {}", address);
      return address;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
