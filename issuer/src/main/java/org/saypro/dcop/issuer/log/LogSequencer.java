package org.saypro.dcop.issuer.log;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.saypro.dcop.core.log.Checkpoint;
import org.saypro.dcop.core.log.CheckpointSigner;
import org.saypro.dcop.core.log.CompactRange;
import org.saypro.dcop.core.log.MerkleHash;
import org.saypro.dcop.core.log.SubtreeNode;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integrates pending entries into the tree: consecutive leaf indexes in arrival order, the subtree nodes they
 * complete, and one signed checkpoint per batch, all in one transaction under an advisory lock, so any number of
 * instances may run it and the tree is never forked.
 */
@Singleton
public class LogSequencer {

  private static final Logger LOG = LoggerFactory.getLogger(LogSequencer.class);

  private final LogStore store;
  private final LogSettings settings;
  private final CheckpointSigner signer;
  private final String origin;

  LogSequencer(LogStore store, LogSettings settings, IssuerKeyRing keyRing, LogOrigin origin) {
    this.store = store;
    this.settings = settings;
    this.origin = origin.value();
    this.signer = CheckpointSigner.forOrigin(this.origin, keyRing.logKey());
  }

  /** The C2SP verifier key of the checkpoints: {@code <origin>+<key id>+<base64 key>}. */
  public String verifierKey() {
    return signer.verifierKey().encoded();
  }

  @Scheduled(fixedDelay = "${dcop.log.sequence-interval:500ms}", initialDelay = "1s")
  void sequenceAll() {
    try {
      while (integrateBatch() == settings.batchSize()) {
        // a full batch means more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.error("sequencing the transparency log failed; it will be retried", e);
    }
  }

  /** Integrates up to one batch; returns how many entries it integrated. */
  @Transactional
  public int integrateBatch() {
    store.lockSequencer();
    List<LogStore.Pending> pending = store.pending(settings.batchSize());
    if (pending.isEmpty()) {
      return 0;
    }
    long size = store.currentSize();
    CompactRange range = CompactRange.resume(size, store);
    List<SubtreeNode> nodes = new ArrayList<>(pending.size() * 2);
    for (LogStore.Pending entry : pending) {
      CompactRange.Appended appended = range.append(MerkleHash.leaf(entry.dataSha256()));
      nodes.addAll(appended.completed());
      range = appended.range();
    }
    store.assignLeafIndexes(pending, size);
    store.saveNodes(nodes);
    Checkpoint checkpoint = new Checkpoint(origin, range.size(), range.root());
    store.saveCheckpoint(range.size(), range.root(), signer.sign(checkpoint));
    return pending.size();
  }
}
