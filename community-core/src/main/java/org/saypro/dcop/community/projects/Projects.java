package org.saypro.dcop.community.projects;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventTypes;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Projects, their members, activities and outputs. */
@Singleton
public class Projects {

  /** A project member as listed. */
  public record Member(UUID userId, String displayName) {}

  private final JdbcOperations jdbc;
  private final CommunityEvents events;

  Projects(JdbcOperations jdbc, CommunityEvents events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Creates the project; partners are organisation ids by slug, checked by the caller. */
  @Transactional
  public void create(Project project, Map<String, UUID> partners, UUID createdBy) {
    Rows.update(jdbc, "insert into project (id, group_slug, title, description, starts_on, ends_on, status,"
        + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
          s.setObject(1, project.id());
          s.setString(2, project.groupSlug());
          s.setString(3, project.title());
          s.setString(4, project.description());
          s.setDate(5, Date.valueOf(project.startsOn()));
          s.setDate(6, project.endsOn().map(Date::valueOf).orElse(null));
          s.setString(7, project.status());
          s.setObject(8, createdBy);
        });
    for (UUID organisation : partners.values()) {
      Rows.update(jdbc, "insert into project_partner (project_id, organisation_id) values (?, ?)", s -> {
        s.setObject(1, project.id());
        s.setObject(2, organisation);
      });
    }
  }

  @Transactional(readOnly = true)
  public Project require(UUID id) {
    return Rows.one(jdbc, """
        select p.id, p.group_slug, p.title, p.description, p.starts_on, p.ends_on, p.status,
               array(select o.slug from project_partner pp join organisation o on o.id = pp.organisation_id
                     where pp.project_id = p.id order by o.slug)
        from project p where p.id = ?""", s -> s.setObject(1, id), r -> new Project(r.getObject(1, UUID.class),
        r.getString(2), r.getString(3), r.getString(4), r.getDate(5).toLocalDate(),
        Optional.ofNullable(r.getDate(6)).map(Date::toLocalDate), r.getString(7),
        List.of((String[]) r.getArray(8).getArray())))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no project has the id " + id));
  }

  @Transactional(readOnly = true)
  public List<UUID> ofGroup(String group) {
    return Rows.list(jdbc, "select id from project where group_slug = ? order by starts_on desc, id limit 500",
        s -> s.setString(1, group), r -> r.getObject(1, UUID.class));
  }

  @Transactional
  public boolean setStatus(UUID project, String status) {
    return Rows.update(jdbc, "update project set status = ? where id = ?", s -> {
      s.setString(1, status);
      s.setObject(2, project);
    }) > 0;
  }

  /** False if already a member. */
  @Transactional
  public boolean addMember(UUID project, UUID user) {
    return Rows.update(jdbc, "insert into project_member (project_id, user_id) values (?, ?) on conflict do nothing",
        s -> {
          s.setObject(1, project);
          s.setObject(2, user);
        }) > 0;
  }

  /** Names a funder of the project (its members see the project's impact dashboards); false if it was one. */
  @Transactional
  public boolean addFunder(UUID project, UUID organisation) {
    return Rows.update(jdbc, "insert into project_funder (project_id, organisation_id) values (?, ?)"
        + " on conflict do nothing", s -> {
          s.setObject(1, project);
          s.setObject(2, organisation);
        }) > 0;
  }

  /** The names of the project's funders, by name. */
  @Transactional(readOnly = true)
  public List<String> funders(UUID project) {
    return Rows.list(jdbc, "select o.name from project_funder f join organisation o on o.id = f.organisation_id"
        + " where f.project_id = ? order by lower(o.name)", s -> s.setObject(1, project), r -> r.getString(1));
  }

  @Transactional(readOnly = true)
  public List<Member> members(UUID project) {
    return Rows.list(jdbc, "select u.id, u.display_name from project_member m join app_user u on u.id = m.user_id"
        + " where m.project_id = ? order by lower(u.display_name), u.id", s -> s.setObject(1, project),
        r -> new Member(r.getObject(1, UUID.class), r.getString(2)));
  }

  @Transactional
  public long logActivity(UUID project, LocalDate date, String description, UUID by) {
    return Rows.one(jdbc, "insert into project_activity (project_id, happened_on, description, recorded_by)"
        + " values (?, ?, ?, ?) returning id", s -> {
          s.setObject(1, project);
          s.setDate(2, Date.valueOf(date));
          s.setString(3, description);
          s.setObject(4, by);
        }, r -> r.getLong(1)).orElseThrow();
  }

  /** Records the output and its project.output-reported event, together. */
  @Transactional
  public long reportOutput(Project project, LocalDate date, String indicator, BigDecimal value, String unit,
      Optional<URI> evidence, UUID by) {
    long id = Rows.one(jdbc, "insert into project_output (project_id, reported_on, indicator, value, unit,"
        + " evidence_url, reported_by) values (?, ?, ?, ?, ?, ?, ?) returning id", s -> {
          s.setObject(1, project.id());
          s.setDate(2, Date.valueOf(date));
          s.setString(3, indicator);
          s.setBigDecimal(4, value);
          s.setString(5, unit);
          s.setString(6, evidence.map(URI::toString).orElse(null));
          s.setObject(7, by);
        }, r -> r.getLong(1)).orElseThrow();
    events.record(EventTypes.OUTPUT_REPORTED, by, Optional.of(project.groupSlug()),
        date.atStartOfDay(ZoneOffset.UTC).toInstant(), Json.newObject().put("projectId", project.id().toString())
            .put("outputId", id).put("indicator", indicator).put("value", value).put("unit", unit));
    return id;
  }

  /** Activities and outputs, oldest first (by date, then in the order recorded). */
  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(UUID project) {
    List<TimelineEntry> entries = new ArrayList<>();
    entries.addAll(Rows.list(jdbc, "select a.id, a.happened_on, a.description, u.display_name from project_activity a"
        + " join app_user u on u.id = a.recorded_by where a.project_id = ? order by a.happened_on, a.id limit 2000",
        s -> s.setObject(1, project), r -> new TimelineEntry.Activity(r.getLong(1), r.getDate(2).toLocalDate(),
            r.getString(3), r.getString(4))));
    entries.addAll(Rows.list(jdbc, "select o.id, o.reported_on, o.indicator, o.value, o.unit, o.evidence_url,"
        + " u.display_name from project_output o join app_user u on u.id = o.reported_by where o.project_id = ?"
        + " order by o.reported_on, o.id limit 2000", s -> s.setObject(1, project),
        r -> new TimelineEntry.Output(r.getLong(1), r.getDate(2).toLocalDate(), r.getString(3), r.getBigDecimal(4),
            r.getString(5), Optional.ofNullable(r.getString(6)).map(URI::create), r.getString(7))));
    entries.sort(Comparator.comparing(TimelineEntry::date));
    return entries;
  }
}
