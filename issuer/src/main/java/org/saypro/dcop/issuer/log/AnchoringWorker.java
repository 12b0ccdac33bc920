package org.saypro.dcop.issuer.log;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.AnchorCheckpoints.Lookup;
import org.saypro.dcop.core.anchor.AnchorCheckpoints.Submission;
import org.saypro.dcop.core.anchor.AnchorCheckpoints.Tracking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the newest checkpoint: one ledger transaction covers every entry since the last anchor. The outbox row is
 * committed before the transaction is sent and updated after, each in its own short database transaction, so no
 * network call holds a database lock and a crash anywhere is resumed: a pending row is first looked up on the ledger
 * (sent before a crash?) and only sent when absent. The contract itself refuses a second anchor of a size.
 *
 * <p>Each round (every {@code dcop.anchor.interval}):
 *
 * <ol>
 *   <li>Anchors confirmed less than {@code dcop.anchor.recheck-window} ago are looked up on the ledger again. One that
 *       is gone (reorganised away) goes back to pending and is anchored again; one that moved to another block is
 *       recorded there (or waits for its confirmations again). Logged at WARN.
 *   <li>The open anchor (the smallest size not confirmed), or a new one for the newest checkpoint, takes one step:
 *       a pending one is looked up and sent when the ledger has none; a sent one is followed until it has the
 *       configured confirmations. A transaction that was mined without anchoring the size (reverted, or no
 *       {@code Anchored} event) is given up at once: the size is looked up and sent anew when absent.
 *   <li>A failed step (ledger unreachable, submission refused, transaction failed, gas price above the cap) delays
 *       the next one exponentially ({@link RetryBackoff}: {@code dcop.anchor.retry-base}, doubling, at most {@code
 *       dcop.anchor.retry-max}); the delay lives in the outbox ({@code next_attempt_at}), so it survives a restart.
 *       Waiting for confirmations is no failure and never backs off.
 * </ol>
 */
@Singleton
@Requires(beans = AnchorCheckpoints.class)
public class AnchoringWorker implements ApplicationEventListener<ShutdownEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(AnchoringWorker.class);

  /** Confirmation checks a sent transaction gets before it is taken for dropped and the size looked up again. */
  static final int RESEND_AFTER_CHECKS = 60;

  /** The most confirmed anchors re-checked in one round (the newest ones). */
  static final int RECHECK_LIMIT = 64;

  /**
   * A re-check searches the anchoring event from this many blocks before the recorded one: a reorganisation can only
   * move a transaction to a block after the fork, and no Ethereum network reorganises 1024 blocks. Were an anchor
   * ever moved further back, the re-check would take it for gone, and the lookup from the genesis block that precedes
   * any new transaction would find it: the row heals, nothing is sent twice.
   */
  static final long RECHECK_SEARCH_MARGIN = 1024;

  private final AnchorCheckpoints ledger;
  private final AnchorStore anchors;
  private final LogStore log;
  private final TransactionOperations<Connection> transactions;
  private final RetryBackoff backoff;
  private final Duration recheckWindow;
  private volatile boolean stopping;

  AnchoringWorker(
      AnchorCheckpoints ledger,
      AnchorStore anchors,
      LogStore log,
      TransactionOperations<Connection> transactions,
      @Value("${dcop.anchor.interval:30s}") Duration interval,
      @Nullable @Property(name = "dcop.anchor.retry-base") Duration retryBase,
      @Value("${dcop.anchor.retry-max:5m}") Duration retryMax,
      @Value("${dcop.anchor.recheck-window:15m}") Duration recheckWindow) {
    this.ledger = ledger;
    this.anchors = anchors;
    this.log = log;
    this.transactions = transactions;
    Duration base = retryBase != null ? retryBase : (interval.compareTo(retryMax) <= 0 ? interval : retryMax);
    this.backoff = new RetryBackoff(base, retryMax);
    if (recheckWindow.isNegative()) {
      throw new IllegalArgumentException("dcop.anchor.recheck-window must not be negative: " + recheckWindow);
    }
    this.recheckWindow = recheckWindow;
    LOG.info("anchoring log checkpoints on {} (every {}, retries after {} doubling up to {}, re-checking anchors"
        + " confirmed in the last {})", ledger.ledger(), interval, backoff.base(), backoff.max(), recheckWindow);
  }

  @Scheduled(fixedDelay = "${dcop.anchor.interval:30s}", initialDelay = "2s")
  void tick() {
    if (stopping) {
      return;
    }
    try {
      anchorOnce();
    } catch (RuntimeException e) {
      if (stopping) {
        LOG.debug("anchoring round cut short by the shutdown: {}", e.toString());
      } else {
        LOG.warn("anchoring round failed; it will be retried: {}", e.toString());
      }
    }
  }

  /** The application is stopping: no new round starts, and a round cut short is not reported as an error. */
  @Override
  public void onApplicationEvent(ShutdownEvent event) {
    stopping = true;
  }

  /** One round: re-check recent anchors, then advance the open anchor, or open one for the newest checkpoint. */
  public void anchorOnce() {
    recheckConfirmed();
    if (stopping) {
      return;
    }
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
    if (open.isEmpty()) {
      return;
    }
    AnchorStore.Row row = open.get();
    if (!row.due()) {
      LOG.debug("anchoring tree size {} backs off after {} failures", row.treeSize(), row.failures());
      return;
    }
    if (row.status().equals("sent")) {
      follow(row);
    } else {
      send(row);
    }
  }

  /** A pending row: already on the ledger (sent before a crash, or by another instance)? Else send it. */
  private void send(AnchorStore.Row row) {
    Lookup found = ledger.lookup(row.treeSize(), 0);
    if (found instanceof Lookup.Unavailable unavailable) {
      fail(row, "cannot look tree size " + row.treeSize() + " up on the ledger: " + unavailable.reason(), false);
      return;
    }
    if (found instanceof Lookup.Confirmed confirmed) {
      if (sameRoot(row, confirmed.anchor())) {
        confirm(confirmed.anchor());
      }
      return;
    }
    if (found instanceof Lookup.Unconfirmed unconfirmed) {
      if (sameRoot(row, unconfirmed.anchor())) {
        write(store -> store.markSent(row.treeSize(), unconfirmed.anchor().transactionHash()));
        LOG.info("tree size {} is on the ledger in block {} (tx {}) with {} confirmations; waiting for the rest",
            row.treeSize(), unconfirmed.anchor().blockNumber(), unconfirmed.anchor().transactionHash(),
            unconfirmed.confirmations());
      }
      return;
    }
    Submission submission = ledger.submit(row.treeSize(), row.root());
    if (submission instanceof Submission.Sent sent) {
      write(store -> store.markSent(row.treeSize(), sent.transactionHash()));
      LOG.info("sent the anchor of tree size {} (tx {})", row.treeSize(), sent.transactionHash());
      return;
    }
    String reason =
        submission instanceof Submission.Rejected rejected ? "refused: " + rejected.reason()
            : ((Submission.Unavailable) submission).reason();
    fail(row, reason, false);
  }

  /** A sent row: confirmed yet? Still waiting is no failure; a failed transaction sends the row back to pending. */
  private void follow(AnchorStore.Row row) {
    Tracking tracking = ledger.track(row.txHash(), row.treeSize());
    if (tracking instanceof Tracking.Confirmed confirmed) {
      confirm(confirmed.anchor());
    } else if (tracking instanceof Tracking.Waiting waiting) {
      if (row.attempts() > RESEND_AFTER_CHECKS) {
        // dropped, or reorganised away and not mined again: look again, and send anew when the ledger has nothing
        fail(row, "no confirmation after " + row.attempts() + " checks (" + waiting.reason()
            + "); looking the size up on the ledger again", true);
      } else {
        write(store -> store.markWaiting(row.treeSize(), waiting.reason()));
      }
    } else if (tracking instanceof Tracking.Failed failed) {
      fail(row, failed.reason() + "; looking the size up on the ledger, and sending anew if it has none", true);
    } else {
      fail(row, ((Tracking.Unavailable) tracking).reason(), false);
    }
  }

  /**
   * Looks the recently confirmed anchors up again: a reorganisation deeper than the configured confirmations can
   * take a block away, and with it an anchor already recorded as confirmed.
   *
   * <p>Which anchors: those confirmed less than {@code dcop.anchor.recheck-window} ago (at most the newest {@value
   * #RECHECK_LIMIT}). A window in time rather than a number of anchors, because what ends the risk is the chain's
   * finality, and that is a matter of time: on Ethereum a block is final after two epochs (64 slots of 12 s, about
   * 12.8 minutes), after which no reorganisation can remove it without a third of all stake being slashed. The
   * default of 15 minutes covers that with a margin; set it longer for chains that finalise slower (or with a
   * probabilistic finality only), 0 to turn re-checks off. Counted from our own confirmation time, the window also
   * covers a restart: an anchor confirmed just before a long stop is final by the time the window has passed. Cost:
   * one {@code eth_getLogs} and one {@code eth_blockNumber} per anchor per round; at the default interval of 30 s
   * that is at most about 30 anchors.
   */
  private void recheckConfirmed() {
    if (recheckWindow.isZero()) {
      return;
    }
    List<AnchorStore.Row> recent = transactions.executeRead(s -> anchors.recentlyConfirmed(recheckWindow, RECHECK_LIMIT));
    for (AnchorStore.Row row : recent) {
      if (stopping) {
        return;
      }
      long from = row.blockNumber() == null ? 0 : Math.max(0, row.blockNumber() - RECHECK_SEARCH_MARGIN);
      Lookup found = ledger.lookup(row.treeSize(), from);
      if (found instanceof Lookup.Unavailable unavailable) {
        LOG.debug("cannot re-check the recent anchors now: {}", unavailable.reason());
        return;
      }
      if (found instanceof Lookup.Absent) {
        LOG.warn("the anchor of tree size {} (block {}, tx {}) is no longer on the ledger: it was reorganised away."
            + " Anchoring it again", row.treeSize(), row.blockNumber(), row.txHash());
        write(store -> store.reopen(row.treeSize(), "reorganised away from block " + row.blockNumber()
            + " (tx " + row.txHash() + "); anchoring it again"));
      } else if (found instanceof Lookup.Unconfirmed unconfirmed) {
        AnchorCheckpoints.Anchor moved = unconfirmed.anchor();
        if (sameRoot(row, moved)) {
          LOG.warn("the anchor of tree size {} moved from block {} (tx {}) to block {} (tx {}) in a reorganisation;"
                  + " it has {} confirmations there: waiting for the rest again", row.treeSize(), row.blockNumber(),
              row.txHash(), moved.blockNumber(), moved.transactionHash(), unconfirmed.confirmations());
          write(store -> store.markSent(row.treeSize(), moved.transactionHash()));
        }
      } else {
        AnchorCheckpoints.Anchor anchor = ((Lookup.Confirmed) found).anchor();
        boolean unchanged = anchor.transactionHash().equalsIgnoreCase(row.txHash())
            && row.blockNumber() != null && anchor.blockNumber() == row.blockNumber();
        if (!unchanged && sameRoot(row, anchor)) {
          LOG.warn("the anchor of tree size {} moved from block {} (tx {}) to block {} (tx {}) in a reorganisation;"
              + " recorded there", row.treeSize(), row.blockNumber(), row.txHash(), anchor.blockNumber(),
              anchor.transactionHash());
          confirm(anchor);
        }
      }
    }
  }

  /** The ledger's root for the size is ours; a different one is never recorded as our anchor. */
  private boolean sameRoot(AnchorStore.Row row, AnchorCheckpoints.Anchor anchor) {
    if (anchor.root().equals(row.root())) {
      return true;
    }
    LOG.error("the ledger holds root {} for tree size {} (tx {}), not the log's {}: not recorded as its anchor",
        anchor.root(), row.treeSize(), anchor.transactionHash(), row.root());
    if (!row.status().equals("confirmed")) {
      fail(row, "the ledger holds another root for this size (tx " + anchor.transactionHash() + ")", false);
    }
    return false;
  }

  private void fail(AnchorStore.Row row, String error, boolean backToPending) {
    int failures = row.failures() + 1;
    Duration retryAfter = backoff.delay(failures);
    write(store -> store.markFailedAttempt(row.treeSize(), error, retryAfter, backToPending));
    LOG.warn("anchoring tree size {} did not go through ({} in a row; next attempt in {} ms): {}", row.treeSize(),
        failures, retryAfter.toMillis(), error);
  }

  private void confirm(AnchorCheckpoints.Anchor anchor) {
    write(store -> store.markConfirmed(anchor));
    LOG.info("anchored tree size {} in block {} (tx {})", anchor.treeSize(), anchor.blockNumber(),
        anchor.transactionHash());
  }

  private void write(Consumer<AnchorStore> update) {
    transactions.executeWrite(status -> {
      update.accept(anchors);
      return null;
    });
  }
}
