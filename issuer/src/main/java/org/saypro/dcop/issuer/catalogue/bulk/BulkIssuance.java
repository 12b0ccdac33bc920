package org.saypro.dcop.issuer.catalogue.bulk;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.issuer.catalogue.AwardQualification;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.issuer.credentials.IssueResult;

/**
 * Awards the rows of a checked file in chunks, several chunks at a time (signing uses every core while another chunk
 * waits on the database). Each chunk is one transaction with a few statements whatever its size (ADR 23): a failure
 * or an interruption leaves every finished chunk issued and none half written, and running the file again issues
 * only what is missing. A row refused inside a chunk is retried alone, so it fails by itself.
 *
 * <p>Uploads running at the same time share one limit of {@code dcop.bulk.threads} chunks in flight, taken in
 * arrival order: more would only contend for the same cores and the same connection pool, and each chunk holds an
 * advisory lock per row until it commits, so the limit also bounds what bulk issuance takes of PostgreSQL's lock
 * table (threads × chunk rows).
 */
@Singleton
public class BulkIssuance {

  /** Awards one chunk's rows in one transaction (AwardQualification's bulk path). */
  @FunctionalInterface
  interface ChunkAward {
    List<IssueResult> award(
        Organisation organisation, Qualification qualification, List<AwardQualification.Award> awards, String actor);
  }

  private final ChunkAward awards;
  private final int threads;
  private final int chunkRows;
  private final Semaphore inFlight;

  @Inject
  BulkIssuance(AwardQualification awards, @Value("${dcop.bulk.threads:0}") int threads,
      @Value("${dcop.bulk.chunk-rows:1000}") int chunkRows) {
    this((organisation, qualification, chunk, actor) -> awards.award(organisation, qualification, chunk, actor, true),
        threads, chunkRows);
  }

  BulkIssuance(ChunkAward awards, int threads, int chunkRows) {
    this.awards = awards;
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    if (chunkRows < 1) {
      throw new IllegalArgumentException("dcop.bulk.chunk-rows is at least 1");
    }
    this.chunkRows = chunkRows;
    this.inFlight = new Semaphore(this.threads, true);
  }

  /** @return one outcome per row, in the order of {@code rows} */
  public List<RowOutcome> award(
      Organisation organisation, Qualification qualification, List<BulkRow> rows, String actor) {
    int size = chunkSize(rows.size(), threads, chunkRows);
    List<List<BulkRow>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += size) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, chunks.size())));
    try {
      List<Future<List<RowOutcome>>> pending = new ArrayList<>(chunks.size());
      for (List<BulkRow> chunk : chunks) {
        pending.add(pool.submit(() -> awardChunk(organisation, qualification, chunk, actor)));
      }
      List<RowOutcome> outcomes = new ArrayList<>(rows.size());
      for (Future<List<RowOutcome>> chunk : pending) {
        outcomes.addAll(chunk.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bulk issuance interrupted; run the file again to finish it", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("bulk issuance failed; run the file again to finish it", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Rows per chunk: at most {@code chunkRows}, in a number of chunks that is a multiple of {@code threads}, all within
   * one row of the same size, so that the last round keeps every thread busy (10,000 rows on 3 threads: 12 chunks of
   * 834, not 10 of 1,000 with one left alone at the end). A file smaller than a chunk per thread (the command line
   * sends 250 rows a request) is still spread over them all.
   */
  static int chunkSize(int rows, int threads, int chunkRows) {
    if (rows <= threads) {
      return 1;
    }
    long perRound = (long) threads * chunkRows;
    long chunks = threads * ((rows + perRound - 1) / perRound);
    return (int) Math.max(1, (rows + chunks - 1) / chunks);
  }

  private List<RowOutcome> awardChunk(
      Organisation organisation, Qualification qualification, List<BulkRow> chunk, String actor)
      throws InterruptedException {
    List<IssueResult> results;
    inFlight.acquire();
    try {
      results = awards.award(organisation, qualification,
          chunk.stream().map(row -> new AwardQualification.Award(row.recipient(), row.validFrom())).toList(), actor);
    } finally {
      inFlight.release();
    }
    List<RowOutcome> outcomes = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      outcomes.add(outcome(chunk.get(i).line(), results.get(i)));
    }
    return outcomes;
  }

  private static RowOutcome outcome(long line, IssueResult result) {
    if (result instanceof IssueResult.Issued issued) {
      return new RowOutcome.Awarded(line, issued.credential().uuid(), issued.replayed());
    }
    if (result instanceof IssueResult.IdempotencyKeyReused) {
      return new RowOutcome.Failed(line, "this qualification was already awarded to this learner with other"
          + " details (name or valid_from)");
    }
    if (result instanceof IssueResult.Invalid invalid) {
      return new RowOutcome.Failed(line, "the credential was refused: " + invalid.errors());
    }
    return new RowOutcome.Failed(line, "the credential was refused: " + result);
  }
}
