package org.saypro.dcop.issuer.log;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.AnchorCheckpoints.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the newest checkpoint: one ledger transaction covers every entry since the last anchor. The outbox row is
 * committed before the transaction is sent and updated after, each in its own short database transaction, so no
 * network call holds a database lock and a crash anywhere is resumed: a pending row is first looked up on the ledger
 * (sent before the crash?) and only sent when absent. The contract itself refuses a second anchor of a size.
 */
@Singleton
@Requires(beans = AnchorCheckpoints.class)
public class AnchoringWorker {

  private static final Logger LOG = LoggerFactory.getLogger(AnchoringWorker.class);
  private static final int RESEND_AFTER_CHECKS = 60;

  private final AnchorCheckpoints ledger;
  private final AnchorStore anchors;
  private final LogStore log;
  private final TransactionOperations<Connection> transactions;

  AnchoringWorker(
      AnchorCheckpoints ledger, AnchorStore anchors, LogStore log, TransactionOperations<Connection> transactions) {
    this.ledger = ledger;
    this.anchors = anchors;
    this.log = log;
    this.transactions = transactions;
    LOG.info("anchoring log checkpoints on {}", ledger.ledger());
  }

  @Scheduled(fixedDelay = "${dcop.anchor.interval:30s}", initialDelay = "2s")
  void tick() {
    try {
      anchorOnce();
    } catch (RuntimeException e) {
      LOG.warn("anchoring round failed; it will be retried: {}", e.toString());
    }
  }

  /** One round: advance the open anchor, or open one for the newest checkpoint. */
  public void anchorOnce() {
    Optional<AnchorStore.Row> open = transactions.executeRead(status -> anchors.open());
    if (open.isEmpty()) {
      open = transactions.executeWrite(status -> {
        Optional<LogStore.StoredCheckpoint> latest = log.latestCheckpoint();
        if (latest.isEmpty() || latest.get().size() <= anchors.latestAnchoredOrOpenSize()) {
          return Optional.<AnchorStore.Row>empty();
        }
        anchors.insertPending(latest.get().size(), latest.get().root());
        return anchors.open();
      });
    }
    open.ifPresent(this::advance);
  }

  private void advance(AnchorStore.Row row) {
    if (row.status().equals("sent")) {
      Optional<AnchorCheckpoints.Anchor> anchor = ledger.confirmed(row.txHash(), row.treeSize());
      if (anchor.isPresent()) {
        confirm(anchor.get());
      } else if (row.attempts() > RESEND_AFTER_CHECKS) {
        // dropped or reorganised away: look again, and send anew when the ledger has nothing for this size
        transactions.executeWrite(s -> {
          anchors.markFailedAttempt(row.treeSize(), "no confirmation; checking the ledger again", true);
          return null;
        });
      } else {
        transactions.executeWrite(s -> {
          anchors.markFailedAttempt(row.treeSize(), "waiting for confirmations", false);
          return null;
        });
      }
      return;
    }
    Optional<AnchorCheckpoints.Anchor> already = ledger.find(row.treeSize());
    if (already.isPresent()) {
      confirm(already.get());
      return;
    }
    Submission submission = ledger.submit(row.treeSize(), row.root());
    transactions.executeWrite(s -> {
      if (submission instanceof Submission.Sent sent) {
        anchors.markSent(row.treeSize(), sent.transactionHash());
      } else {
        String reason =
            submission instanceof Submission.Rejected rejected ? rejected.reason()
                : ((Submission.Unavailable) submission).reason();
        anchors.markFailedAttempt(row.treeSize(), reason, false);
        LOG.warn("anchoring tree size {} did not go through: {}", row.treeSize(), reason);
      }
      return null;
    });
  }

  private void confirm(AnchorCheckpoints.Anchor anchor) {
    transactions.executeWrite(s -> {
      anchors.markConfirmed(anchor);
      return null;
    });
    LOG.info("anchored tree size {} in block {} (tx {})", anchor.treeSize(), anchor.blockNumber(),
        anchor.transactionHash());
  }
}
