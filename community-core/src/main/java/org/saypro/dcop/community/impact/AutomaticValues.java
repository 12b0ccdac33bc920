package org.saypro.dcop.community.impact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.support.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values that count themselves (ADR 0026): project outputs and webinar attendances arrive as community events and
 * add to the quarter they happened in, once per event; credentials issued are recounted from the issuer on request.
 * Locked periods are left alone: their figures were reported and stay as they were.
 */
@Singleton
public class AutomaticValues {

  private static final Logger LOG = LoggerFactory.getLogger(AutomaticValues.class);

  /** What a recount wrote: values changed, and quarters skipped because they are locked. */
  public record Recount(int changed, List<String> lockedQuarters) {}

  private final Frameworks frameworks;
  private final OrgUnits units;
  private final DataValues values;
  private final PeriodLock lock;
  private final JdbcOperations jdbc;
  private final IssuedCredentialCounts issued;

  AutomaticValues(Frameworks frameworks, OrgUnits units, DataValues values, PeriodLock lock, JdbcOperations jdbc,
      @Nullable IssuedCredentialCounts issued) {
    this.frameworks = frameworks;
    this.units = units;
    this.values = values;
    this.lock = lock;
    this.jdbc = jdbc;
    this.issued = issued;
  }

  /** Adds a project output to the indicators of the project's frameworks that count outputs of that name. */
  @Transactional
  public void outputReported(CommunityEvent event) {
    String name = event.payload().path("indicator").asText("");
    UUID project = UUID.fromString(event.payload().path("projectId").asText());
    BigDecimal value = event.payload().path("value").decimalValue();
    for (Indicator indicator : frameworks.withAutoSource(Indicator.PROJECT_OUTPUT + name)) {
      if (frameworks.frameworkOf(indicator).projectId().filter(project::equals).isPresent()) {
        add(indicator, event, units.national(), ValueKey.TOTAL, value, "project-output");
      }
    }
  }

  /**
   * Counts an attendance for the indicators of frameworks of the webinar's group (or platform-wide ones), at the
   * unit of the member's organisation (else national), in total and under the member's stakeholder type.
   */
  @Transactional
  public void webinarAttended(CommunityEvent event) {
    List<Indicator> indicators = frameworks.withAutoSource(Indicator.WEBINAR_ATTENDANCE);
    if (indicators.isEmpty()) {
      return;
    }
    OrgUnit unit = Rows.list(jdbc, "select m.organisation_id from membership m join organisation o on o.id ="
        + " m.organisation_id where m.user_id = ? order by o.slug", s -> s.setObject(1, event.userId()),
        r -> r.getObject(1, UUID.class)).stream().map(units::ofOrganisation).flatMap(Optional::stream).findFirst()
        .orElseGet(units::national);
    Optional<String> type = Rows.one(jdbc, "select stakeholder_type from member_profile where user_id = ?",
        s -> s.setObject(1, event.userId()), r -> r.getString(1));
    for (Indicator indicator : indicators) {
      Framework framework = frameworks.frameworkOf(indicator);
      if (framework.projectGroup().isEmpty() || framework.projectGroup().equals(event.groupSlug())) {
        add(indicator, event, unit, ValueKey.TOTAL, BigDecimal.ONE, "webinar-attendance");
        if (type.isPresent()) {
          add(indicator, event, unit, type.get(), BigDecimal.ONE, "webinar-attendance");
        }
      }
    }
  }

  private void add(Indicator indicator, CommunityEvent event, OrgUnit unit, String category, BigDecimal delta,
      String source) {
    Period quarter = Period.quarterOf(LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC));
    if (lock.locked(quarter)) {
      LOG.info("event {} falls in the locked period {}: not counted for indicator {}", event.id(), quarter,
          indicator.code());
      return;
    }
    values.addOnce(indicator, new ValueKey(indicator.code(), quarter, unit.code(), category), unit, delta, source,
        "event:" + event.id() + ":" + category);
  }

  /** Whether credentials can be counted here (the issuer module is present). */
  public boolean countsCredentials() {
    return issued != null;
  }

  /**
   * Recounts the framework's credentials-issued indicators for every open quarter that has a target or a value,
   * and the current one: each organisation's count at its unit (organisations without a unit at the national one,
   * so a subtree's sum counts each credential once). A version is added only where the count changed.
   */
  @Transactional
  public Recount recountCredentials(Framework framework) {
    if (issued == null) {
      throw new IllegalStateException("no issuer module: credentials cannot be counted");
    }
    int changed = 0;
    TreeSet<String> locked = new TreeSet<>();
    for (Indicator indicator : frameworks.indicators(framework.id())) {
      if (!indicator.autoSource().filter(Indicator.CREDENTIALS_ISSUED::equals).isPresent()) {
        continue;
      }
      TreeSet<Period> quarters = new TreeSet<>();
      quarters.add(Period.quarterOf(LocalDate.now(ZoneOffset.UTC)));
      frameworks.targets(indicator.id()).forEach(t -> quarters.add(t.period()));
      quarters.removeIf(p -> !p.id().contains("Q"));
      for (Period quarter : quarters) {
        if (lock.locked(quarter)) {
          locked.add(quarter.id());
          continue;
        }
        Map<UUID, Long> counts = issued.issuedBetween(quarter.start().atStartOfDay(ZoneOffset.UTC).toInstant(),
            quarter.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<OrgUnit, Long> byUnit = new HashMap<>();
        counts.forEach((organisation, n) -> byUnit.merge(units.ofOrganisation(organisation)
            .orElseGet(units::national), n, Long::sum));
        for (Map.Entry<OrgUnit, Long> e : byUnit.entrySet()) {
          ValueKey key = new ValueKey(indicator.code(), quarter, e.getKey().code(), ValueKey.TOTAL);
          BigDecimal count = BigDecimal.valueOf(e.getValue());
          if (values.current(indicator, key, e.getKey()).filter(c -> c.compareTo(count) == 0).isEmpty()) {
            values.append(indicator, key, e.getKey(), count, "credentials-issued", Optional.empty(),
                Optional.empty());
            changed++;
          }
        }
      }
    }
    return new Recount(changed, new ArrayList<>(locked));
  }
}
