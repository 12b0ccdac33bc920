package org.saypro.dcop.community.badges;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.core.json.Json;

/** Rules, their versions, awards and fulfilments in SQL; callers hold the transaction. */
@Singleton
class BadgeRuleStore {

  /** The most events of a learner one evaluation reads: far more than any sensible rule counts. */
  static final int MAX_EVENTS = 5_000;

  private static final String RULE = "select r.id, r.organisation_id, v.version, v.definition::text, v.locked_at,"
      + " v.created_at from badge_rule r join badge_rule_version v on v.rule_id = r.id and v.version = r.current_version";

  private final JdbcOperations jdbc;

  BadgeRuleStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  void insertRule(UUID id, UUID organisation, RuleDefinition definition, String actor) {
    jdbc.prepareStatement("insert into badge_rule (id, organisation_id, current_version) values (?, ?, 1)", s -> {
      s.setObject(1, id);
      s.setObject(2, organisation);
      return s.executeUpdate();
    });
    insertVersion(id, 1, definition, actor);
  }

  void insertVersion(UUID rule, int version, RuleDefinition definition, String actor) {
    jdbc.prepareStatement("insert into badge_rule_version (rule_id, version, name, trigger_type, badge_code,"
        + " definition, created_by) values (?, ?, ?, ?, ?, ?::jsonb, ?)", s -> {
          s.setObject(1, rule);
          s.setInt(2, version);
          s.setString(3, definition.name());
          s.setString(4, definition.trigger());
          s.setString(5, definition.badge());
          s.setString(6, Json.writeString(Json.mapper().valueToTree(RuleText.tree(definition))));
          s.setString(7, actor);
          return s.executeUpdate();
        });
    jdbc.prepareStatement("update badge_rule set current_version = ? where id = ?", s -> {
      s.setInt(1, version);
      s.setObject(2, rule);
      return s.executeUpdate();
    });
  }

  /** Replaces an unlocked version's definition. */
  void replaceVersion(UUID rule, int version, RuleDefinition definition) {
    jdbc.prepareStatement("update badge_rule_version set name = ?, trigger_type = ?, badge_code = ?,"
        + " definition = ?::jsonb where rule_id = ? and version = ? and locked_at is null", s -> {
          s.setString(1, definition.name());
          s.setString(2, definition.trigger());
          s.setString(3, definition.badge());
          s.setString(4, Json.writeString(Json.mapper().valueToTree(RuleText.tree(definition))));
          s.setObject(5, rule);
          s.setInt(6, version);
          return s.executeUpdate();
        });
  }

  /**
   * The rule's current version, its row locked until the transaction ends: edits and awards of one rule take turns,
   * so a version cannot be edited while something is being awarded under it.
   */
  Optional<StoredRule> lockCurrent(UUID rule) {
    return one(RULE + " where r.id = ? for update of v", rule);
  }

  Optional<StoredRule> current(UUID rule) {
    return one(RULE + " where r.id = ?", rule);
  }

  List<StoredRule> current(Optional<UUID> organisation) {
    return jdbc.prepareStatement(RULE + (organisation.isPresent() ? " where r.organisation_id = ?" : "")
        + " order by v.name, r.id", s -> {
          if (organisation.isPresent()) {
            s.setObject(1, organisation.get());
          }
          return rules(s.executeQuery());
        });
  }

  /** Every version of a rule, newest first. */
  List<StoredRule> versions(UUID rule) {
    return jdbc.prepareStatement("select r.id, r.organisation_id, v.version, v.definition::text, v.locked_at,"
        + " v.created_at from badge_rule r join badge_rule_version v on v.rule_id = r.id where r.id = ?"
        + " order by v.version desc", s -> {
          s.setObject(1, rule);
          return rules(s.executeQuery());
        });
  }

  void lockVersion(UUID rule, int version) {
    jdbc.prepareStatement("update badge_rule_version set locked_at = now() where rule_id = ? and version = ?"
        + " and locked_at is null", s -> {
          s.setObject(1, rule);
          s.setInt(2, version);
          return s.executeUpdate();
        });
  }

  /**
   * Claims the award of a rule to a member: the id, or empty when it was awarded before. A claim made at the same
   * moment by another transaction makes this one wait for it, then find it.
   */
  Optional<Long> claimAward(UUID rule, int version, UUID user, boolean notify) {
    return jdbc.prepareStatement("insert into badge_award (rule_id, rule_version, user_id, notified)"
        + " values (?, ?, ?, ?) on conflict (rule_id, user_id) do nothing returning id", s -> {
          s.setObject(1, rule);
          s.setInt(2, version);
          s.setObject(3, user);
          s.setBoolean(4, notify);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getLong(1)) : Optional.<Long>empty();
          }
        });
  }

  void addFulfilments(long award, UUID rule, UUID user, List<CommunityEvent> events) {
    jdbc.prepareStatement("insert into badge_fulfilment (award_id, rule_id, user_id, source_event_id)"
        + " values (?, ?, ?, ?) on conflict do nothing", s -> {
          for (CommunityEvent event : events) {
            s.setLong(1, award);
            s.setObject(2, rule);
            s.setObject(3, user);
            s.setLong(4, event.id());
            s.addBatch();
          }
          return s.executeBatch();
        });
  }

  void setCredential(long award, UUID credential) {
    jdbc.prepareStatement("update badge_award set credential_uuid = ? where id = ?", s -> {
      s.setObject(1, credential);
      s.setLong(2, award);
      return s.executeUpdate();
    });
  }

  void markRevoked(long award, String reason) {
    jdbc.prepareStatement("update badge_award set revoked_at = now(), revoke_reason = ? where id = ?"
        + " and revoked_at is null", s -> {
          s.setString(1, reason);
          s.setLong(2, award);
          return s.executeUpdate();
        });
  }

  /** Which of these rules the member already has. */
  Set<UUID> awardedRules(UUID user, Collection<UUID> rules) {
    return jdbc.prepareStatement("select rule_id from badge_award where user_id = ? and rule_id = any(?)", s -> {
      s.setObject(1, user);
      s.setArray(2, s.getConnection().createArrayOf("uuid", rules.toArray()));
      Set<UUID> awarded = new HashSet<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          awarded.add(r.getObject(1, UUID.class));
        }
      }
      return awarded;
    });
  }

  Optional<BadgeAward> award(UUID rule, UUID user) {
    return jdbc.prepareStatement("select " + AWARD + " from badge_award where rule_id = ? and user_id = ?", s -> {
      s.setObject(1, rule);
      s.setObject(2, user);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(award(r)) : Optional.<BadgeAward>empty();
      }
    });
  }

  List<BadgeAward> awards(UUID rule) {
    return jdbc.prepareStatement("select " + AWARD + " from badge_award where rule_id = ? order by id", s -> {
      s.setObject(1, rule);
      List<BadgeAward> all = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          all.add(award(r));
        }
      }
      return all;
    });
  }

  /** The events that satisfied an award, by id. */
  List<Long> fulfilments(long award) {
    return jdbc.prepareStatement("select source_event_id from badge_fulfilment where award_id = ?"
        + " order by source_event_id", s -> {
          s.setLong(1, award);
          List<Long> ids = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              ids.add(r.getLong(1));
            }
          }
          return ids;
        });
  }

  /** A member's events of these types, newest first. */
  List<CommunityEvent> events(UUID user, Collection<String> types) {
    return jdbc.prepareStatement("select id, type, user_id, group_slug, occurred_at, payload::text"
        + " from community_event where user_id = ? and type = any(?) order by occurred_at desc, id desc limit ?",
        s -> {
          s.setObject(1, user);
          s.setArray(2, s.getConnection().createArrayOf("text", types.toArray()));
          s.setInt(3, MAX_EVENTS);
          List<CommunityEvent> events = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              events.add(new CommunityEvent(r.getLong(1), r.getString(2), r.getObject(3, UUID.class),
                  Optional.ofNullable(r.getString(4)), r.getTimestamp(5).toInstant(),
                  (ObjectNode) Json.parse(r.getString(6))));
            }
          }
          return events;
        });
  }

  /** Members with events of these types and no award of the rule yet: who a re-check has to look at. */
  List<UUID> candidates(UUID rule, Collection<String> types) {
    return jdbc.prepareStatement("select distinct e.user_id from community_event e where e.type = any(?)"
        + " and not exists (select 1 from badge_award a where a.rule_id = ? and a.user_id = e.user_id)"
        + " order by e.user_id", s -> {
          s.setArray(1, s.getConnection().createArrayOf("text", types.toArray()));
          s.setObject(2, rule);
          List<UUID> users = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              users.add(r.getObject(1, UUID.class));
            }
          }
          return users;
        });
  }

  private static final String AWARD = "id, rule_id, rule_version, user_id, credential_uuid, notified, awarded_at,"
      + " revoked_at, revoke_reason";

  private static BadgeAward award(ResultSet r) throws SQLException {
    Timestamp revoked = r.getTimestamp(8);
    return new BadgeAward(r.getLong(1), r.getObject(2, UUID.class), r.getInt(3), r.getObject(4, UUID.class),
        Optional.ofNullable(r.getObject(5, UUID.class)), r.getBoolean(6), r.getTimestamp(7).toInstant(),
        Optional.ofNullable(revoked).map(Timestamp::toInstant), Optional.ofNullable(r.getString(9)));
  }

  private Optional<StoredRule> one(String sql, UUID rule) {
    return jdbc.prepareStatement(sql, s -> {
      s.setObject(1, rule);
      List<StoredRule> rules = rules(s.executeQuery());
      return rules.isEmpty() ? Optional.<StoredRule>empty() : Optional.of(rules.get(0));
    });
  }

  /** Stored definitions were valid when written; one that no longer parses is a fault, not input. */
  private static List<StoredRule> rules(ResultSet r) throws SQLException {
    List<StoredRule> rules = new ArrayList<>();
    try (r) {
      while (r.next()) {
        RuleText.Parsed parsed = RuleText.parse(Json.mapper().convertValue(Json.parse(r.getString(4)), Object.class));
        if (!(parsed instanceof RuleText.Parsed.Valid valid)) {
          throw new IllegalStateException("stored badge rule " + r.getObject(1) + " no longer parses: " + parsed);
        }
        rules.add(new StoredRule(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getInt(3), valid.rule(),
            r.getTimestamp(5) != null, r.getTimestamp(6).toInstant()));
      }
    }
    return rules;
  }
}
