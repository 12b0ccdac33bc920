package org.saypro.dcop.issuer.catalogue.bulk;

import java.util.List;

/**
 * The answer to a bulk upload: what the file held, every row error, and (unless only validated) what became of each
 * row that was awarded.
 */
public record BulkReport(long dataRows, int validRows, List<RowError> errors, List<RowOutcome> outcomes) {

  public BulkReport {
    errors = List.copyOf(errors);
    outcomes = List.copyOf(outcomes);
  }

  public long issued() {
    return outcomes.stream().filter(o -> o instanceof RowOutcome.Awarded a && !a.replayed()).count();
  }

  public long alreadyIssued() {
    return outcomes.stream().filter(o -> o instanceof RowOutcome.Awarded a && a.replayed()).count();
  }

  public long failed() {
    return outcomes.stream().filter(o -> o instanceof RowOutcome.Failed).count();
  }
}
