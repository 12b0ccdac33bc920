package org.saypro.dcop.issuer.catalogue.bulk;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.issuer.catalogue.AwardQualification;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.issuer.credentials.IssueResult;

/**
 * Awards the rows of a checked file, several at a time (signing is the cost, and it uses every core). Each row is
 * its own award and transaction: a failure or an interruption leaves every finished row issued and none half
 * written, and running the file again issues only what is missing.
 */
@Singleton
public class BulkIssuance {

  private final AwardQualification awards;
  private final int threads;

  BulkIssuance(AwardQualification awards, @Value("${dcop.bulk.threads:0}") int threads) {
    this.awards = awards;
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public List<RowOutcome> award(
      Organisation organisation, Qualification qualification, List<BulkRow> rows, String actor) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, rows.size())));
    try {
      List<Future<RowOutcome>> pending = new ArrayList<>(rows.size());
      for (BulkRow row : rows) {
        pending.add(pool.submit(() -> award(organisation, qualification, row, actor)));
      }
      List<RowOutcome> outcomes = new ArrayList<>(rows.size());
      for (Future<RowOutcome> future : pending) {
        outcomes.add(future.get());
      }
      outcomes.sort(Comparator.comparingLong(RowOutcome::line));
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

  private RowOutcome award(Organisation organisation, Qualification qualification, BulkRow row, String actor) {
    IssueResult result = awards.award(organisation, qualification, row.recipient(), row.validFrom(), actor);
    if (result instanceof IssueResult.Issued issued) {
      return new RowOutcome.Awarded(row.line(), issued.credential().uuid(), issued.replayed());
    }
    if (result instanceof IssueResult.IdempotencyKeyReused) {
      return new RowOutcome.Failed(row.line(), "this qualification was already awarded to this learner with other"
          + " details (name or valid_from)");
    }
    if (result instanceof IssueResult.Invalid invalid) {
      return new RowOutcome.Failed(row.line(), "the credential was refused: " + invalid.errors());
    }
    return new RowOutcome.Failed(row.line(), "the credential was refused: " + result);
  }
}
