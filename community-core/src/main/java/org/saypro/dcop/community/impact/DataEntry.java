package org.saypro.dcop.community.impact;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.community.access.CommunityAccess;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Entering data values by hand and by CSV file: every value is checked the same way (the indicator is the
 * framework's, the unit exists and the caller enters for it, the period is open, a percentage is 0 to 100) and
 * written as a new version.
 */
@Singleton
public class DataEntry {

  /** How a file is taken: checked only, all or nothing, or its valid rows. */
  public enum Mode { VALIDATE, IMPORT, IMPORT_VALID }

  /** What importing a file did. {@code written} is 0 when nothing was written. */
  public record ImportReport(int dataRows, int validRows, int written, List<ValueFile.RowError> errors, Mode mode) {
    public ImportReport {
      errors = List.copyOf(errors);
    }
  }

  private final Frameworks frameworks;
  private final OrgUnits units;
  private final DataValues values;
  private final PeriodLock lock;
  private final CommunityAccess access;

  DataEntry(Frameworks frameworks, OrgUnits units, DataValues values, PeriodLock lock, CommunityAccess access) {
    this.frameworks = frameworks;
    this.units = units;
    this.values = values;
    this.lock = lock;
    this.access = access;
  }

  /**
   * Enters one value (a correction if the key has one). 404 for an unknown indicator or unit, 403 without the right
   * to enter for the unit, 409 period-locked for a locked period, 400 for a percentage outside 0 to 100.
   */
  @Transactional
  public DataValue enter(Caller caller, Framework framework, ValueKey key, BigDecimal value, String source) {
    Indicator indicator = frameworks.indicators(framework.id()).stream()
        .filter(i -> i.code().equals(key.indicator())).findFirst()
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "the framework has no indicator "
            + key.indicator()));
    OrgUnit unit = units.byCode(key.orgUnit()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
        "no organisation unit has the code " + key.orgUnit()));
    if (!access.entersImpact(caller, framework, unit)) {
      throw new ProblemException(ProblemType.FORBIDDEN, "you may not enter values for " + unit.name());
    }
    if (lockedFor(caller, key.period())) {
      throw new ProblemException(ProblemType.PERIOD_LOCKED, lockReason(key.period()));
    }
    rangeProblem(indicator, value).ifPresent(reason -> {
      throw new ProblemException(ProblemType.INVALID_REQUEST, reason,
          List.of(new org.saypro.dcop.core.validation.FieldError("/value", reason)));
    });
    return values.append(indicator, key, unit, value, source, Optional.of(caller.user().id()), Optional.empty());
  }

  /** Checks every row, and writes them in one transaction unless the mode or the errors say not to. */
  @Transactional
  public ImportReport importFile(Caller caller, Framework framework, ValueFile file, Mode mode) {
    Map<String, Indicator> indicators = frameworks.indicators(framework.id()).stream()
        .collect(Collectors.toMap(Indicator::code, Function.identity()));
    Map<String, Optional<OrgUnit>> unitCache = new HashMap<>();
    List<ValueFile.RowError> errors = new ArrayList<>(file.errors());
    List<Checked> valid = new ArrayList<>();
    Set<ValueKey> seen = new HashSet<>();
    for (ValueFile.Row row : file.rows()) {
      int before = errors.size();
      Indicator indicator = indicators.get(row.key().indicator());
      if (indicator == null) {
        errors.add(new ValueFile.RowError(row.line(), "indicator", "the framework has no indicator "
            + row.key().indicator()));
      }
      Optional<OrgUnit> unit = unitCache.computeIfAbsent(row.key().orgUnit(), units::byCode);
      if (unit.isEmpty()) {
        errors.add(new ValueFile.RowError(row.line(), "org_unit", "no organisation unit has the code "
            + row.key().orgUnit()));
      } else if (!access.entersImpact(caller, framework, unit.get())) {
        errors.add(new ValueFile.RowError(row.line(), "org_unit", "you may not enter values for "
            + unit.get().name()));
      }
      if (lockedFor(caller, row.key().period())) {
        errors.add(new ValueFile.RowError(row.line(), "period", lockReason(row.key().period())));
      }
      if (indicator != null) {
        rangeProblem(indicator, row.value()).ifPresent(r -> errors.add(new ValueFile.RowError(row.line(), "value",
            r)));
      }
      if (!seen.add(row.key())) {
        errors.add(new ValueFile.RowError(row.line(), "", "the same indicator, period, unit and category as an"
            + " earlier row"));
      }
      if (errors.size() == before) {
        valid.add(new Checked(indicator, unit.get(), row));
      }
    }
    errors.sort(java.util.Comparator.comparingLong(ValueFile.RowError::line));
    boolean write = mode == Mode.IMPORT_VALID || (mode == Mode.IMPORT && errors.isEmpty());
    if (write) {
      for (Checked c : valid) {
        values.append(c.indicator(), c.row().key(), c.unit(), c.row().value(), "import",
            Optional.of(caller.user().id()), Optional.empty());
      }
    }
    return new ImportReport(file.dataRows(), valid.size(), write ? valid.size() : 0, errors, mode);
  }

  private record Checked(Indicator indicator, OrgUnit unit, ValueFile.Row row) {}

  public boolean lockedFor(Caller caller, Period period) {
    return lock.locked(period) && !access.unlocksPeriods(caller);
  }

  private String lockReason(Period period) {
    return "the period " + period.id() + " locked on " + lock.locksAfter(period).plusDays(1) + " ("
        + lock.lockDays() + " days after it ended)";
  }

  private static Optional<String> rangeProblem(Indicator indicator, BigDecimal value) {
    boolean outside = indicator.measure() == Measure.PERCENTAGE
        && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0);
    return outside ? Optional.of("a percentage is from 0 to 100") : Optional.empty();
  }
}
