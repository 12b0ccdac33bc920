package org.saypro.dcop.community.groups;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventTypes;
import org.saypro.dcop.community.support.Rows;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Working groups, their members and coordinators, and member profiles. */
@Singleton
public class Groups {

  private final JdbcOperations jdbc;
  private final CommunityEvents events;

  Groups(JdbcOperations jdbc, CommunityEvents events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<WorkingGroup> all() {
    return Rows.list(jdbc, "select slug, name, description from working_group order by name", s -> { },
        r -> new WorkingGroup(r.getString(1), r.getString(2), r.getString(3)));
  }

  @Transactional(readOnly = true)
  public Optional<WorkingGroup> bySlug(String slug) {
    return Rows.one(jdbc, "select slug, name, description from working_group where slug = ?",
        s -> s.setString(1, slug), r -> new WorkingGroup(r.getString(1), r.getString(2), r.getString(3)));
  }

  /** The group, or 404. */
  @Transactional(readOnly = true)
  public WorkingGroup require(String slug) {
    return bySlug(slug).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no working group is called "
        + slug));
  }

  /** Joins the user to the group; false if already a member. The first join emits member.joined with it. */
  @Transactional
  public boolean join(WorkingGroup group, UUID user) {
    Instant now = Instant.now();
    int inserted = Rows.update(jdbc, "insert into group_member (group_slug, user_id, joined_at) values (?, ?, ?)"
        + " on conflict do nothing", s -> {
          s.setString(1, group.slug());
          s.setObject(2, user);
          s.setTimestamp(3, java.sql.Timestamp.from(now));
        });
    if (inserted == 0) {
      return false;
    }
    events.record(EventTypes.MEMBER_JOINED, user, Optional.of(group.slug()), now,
        Json.newObject().put("groupSlug", group.slug()));
    return true;
  }

  /** False if the user was not a member. Leaving keeps earlier events: they happened. */
  @Transactional
  public boolean leave(WorkingGroup group, UUID user) {
    return Rows.update(jdbc, "delete from group_member where group_slug = ? and user_id = ?", s -> {
      s.setString(1, group.slug());
      s.setObject(2, user);
    }) > 0;
  }

  @Transactional(readOnly = true)
  public boolean isMember(WorkingGroup group, UUID user) {
    return Rows.one(jdbc, "select 1 from group_member where group_slug = ? and user_id = ?", s -> {
      s.setString(1, group.slug());
      s.setObject(2, user);
    }, r -> true).isPresent();
  }

  /** Makes the user a coordinator; false if they already were. */
  @Transactional
  public boolean setCoordinator(WorkingGroup group, UUID user, UUID setBy) {
    return Rows.update(jdbc, "insert into group_coordinator (group_slug, user_id, set_by) values (?, ?, ?)"
        + " on conflict do nothing", s -> {
          s.setString(1, group.slug());
          s.setObject(2, user);
          s.setObject(3, setBy);
        }) > 0;
  }

  @Transactional
  public boolean removeCoordinator(WorkingGroup group, UUID user) {
    return Rows.update(jdbc, "delete from group_coordinator where group_slug = ? and user_id = ?", s -> {
      s.setString(1, group.slug());
      s.setObject(2, user);
    }) > 0;
  }

  /** The members by name, each marked when they also coordinate the group. */
  @Transactional(readOnly = true)
  public List<DirectoryEntry> directory(WorkingGroup group) {
    return Rows.list(jdbc, """
        select u.id, u.display_name, p.stakeholder_type, (c.user_id is not null), m.joined_at,
               array(select o.name from membership ms join organisation o on o.id = ms.organisation_id
                     where ms.user_id = u.id order by o.name)
        from group_member m join app_user u on u.id = m.user_id
        left join member_profile p on p.user_id = u.id
        left join group_coordinator c on c.group_slug = m.group_slug and c.user_id = u.id
        where m.group_slug = ? and not u.disabled
        order by lower(u.display_name), u.id""", s -> s.setString(1, group.slug()), r -> {
          Array organisations = r.getArray(6);
          return new DirectoryEntry(r.getObject(1, UUID.class), r.getString(2),
              Arrays.asList((String[]) organisations.getArray()),
              Optional.ofNullable(r.getString(3)).flatMap(StakeholderType::parse), r.getBoolean(4),
              r.getTimestamp(5).toInstant());
        });
  }

  @Transactional(readOnly = true)
  public List<UUID> coordinators(WorkingGroup group) {
    return Rows.list(jdbc, "select user_id from group_coordinator where group_slug = ? order by set_at",
        s -> s.setString(1, group.slug()), r -> r.getObject(1, UUID.class));
  }

  @Transactional(readOnly = true)
  public int memberCount(WorkingGroup group) {
    return Rows.one(jdbc, "select count(*) from group_member where group_slug = ?", s -> s.setString(1, group.slug()),
        r -> r.getInt(1)).orElse(0);
  }

  @Transactional
  public void setStakeholderType(UUID user, StakeholderType type) {
    Rows.update(jdbc, "insert into member_profile (user_id, stakeholder_type) values (?, ?) on conflict (user_id)"
        + " do update set stakeholder_type = excluded.stakeholder_type, updated_at = now()", s -> {
          s.setObject(1, user);
          s.setString(2, type.code());
        });
  }

  @Transactional(readOnly = true)
  public Optional<StakeholderType> stakeholderType(UUID user) {
    return Rows.one(jdbc, "select stakeholder_type from member_profile where user_id = ?", s -> s.setObject(1, user),
        r -> r.getString(1)).flatMap(StakeholderType::parse);
  }
}
