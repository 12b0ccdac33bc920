package org.saypro.dcop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.community.badges.BadgeRules;
import org.saypro.dcop.community.badges.Condition;
import org.saypro.dcop.community.badges.Evaluation;
import org.saypro.dcop.community.badges.Evaluator;
import org.saypro.dcop.community.badges.RuleDefinition;
import org.saypro.dcop.community.events.CommunityEvent;
import org.saypro.dcop.community.events.CommunityEvents;
import org.saypro.dcop.community.events.EventRelay;
import org.saypro.dcop.community.events.EventTypes;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.Recipient;
import org.saypro.dcop.issuer.catalogue.AwardQualification;
import org.saypro.dcop.issuer.catalogue.Catalogue;
import org.saypro.dcop.issuer.catalogue.Qualification;

/**
 * Badge rules at scale (issue 8): 10,000 members with 50,000 events of history and 100 rules, then (1) the pure
 * evaluator, every rule for 2,000 members, against a raw scan counting the same events; (2) events through the
 * outbox, the rules and issuance, against awarding the same badges directly (issuance alone), in the same run.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.saypro.dcop.bench.BadgeRulesMain [--events=2000]</pre>
 */
public final class BadgeRulesMain {

  private static final int MEMBERS = 10_000;
  private static final int RULES = 100;
  private static final int GROUPS = 10;
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private BadgeRulesMain() {}

  public static void main(String[] args) {
    int events = 2_000;
    for (String arg : args) {
      if (arg.startsWith("--events=")) {
        events = Integer.parseInt(arg.substring("--events=".length()));
      }
    }
    Map<String, Object> settings = new HashMap<>();
    // the benchmark drives the relay and the index itself; the log sequencer is --log's subject
    settings.put("dcop.community.relay-interval", "24h");
    settings.put("dcop.community.relay-initial-delay", "24h");
    settings.put("dcop.badges.index-refresh", "24h");
    settings.put("dcop.log.sequence-interval", "24h");
    // as application.yml sets them
    settings.put("dcop.status.ttl", "5m");
    settings.put("dcop.status.list-size", EmbeddedIssuer.LIST_SIZE);
    // award emails are queued (part of the work measured) but never sent: no SMTP host
    settings.put("dcop.mail.smtp-host", "");
    settings.put("dcop.mail.smtp-port", 587);
    settings.put("dcop.mail.username", "");
    settings.put("dcop.mail.password", "");
    settings.put("dcop.mail.from", "DCoP Credentials <no-reply@localhost>");
    settings.put("dcop.mail.starttls", true);
    settings.put("dcop.mail.interval", "24h");
    settings.put("dcop.mail.claim-validity", "90d");
    try (EmbeddedIssuer issuer = EmbeddedIssuer.start("dcop-bench-badges-", settings)) {
      System.out.println("# " + issuer.description());
      run(issuer, events);
    }
    System.exit(0);
  }

  private static void run(EmbeddedIssuer issuer, int eventCount) {
    Random random = new Random(8);
    Catalogue catalogue = issuer.bean(Catalogue.class);
    Organisation saypro = catalogue.organisation(Organisation.SAYPRO_SLUG).orElseThrow();
    for (int i = 0; i < RULES + 1; i++) {
      catalogue.add(new Qualification(UUID.randomUUID(), saypro.id(), "BENCH-R" + i, "Bench badge " + i,
          "A badge of the rules benchmark.", "Meet rule " + i + ".", "Badge", OptionalInt.empty(),
          OptionalInt.empty(), List.of(), Instant.now()));
    }
    List<UUID> members = members(issuer);
    history(issuer, members, random);
    BadgeRules rules = issuer.bean(BadgeRules.class);
    List<RuleDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < RULES; i++) {
      definitions.add(rules.create(saypro, rule(i), "bench").definition());
    }
    System.out.printf(Locale.ROOT, "# %,d members, %,d events of history, %d rules (%d triggered by webinar.attended)%n",
        MEMBERS, issuer.number("select count(*) from community_event"), RULES,
        definitions.stream().filter(d -> d.trigger().equals(EventTypes.WEBINAR_ATTENDED)).count());

    evaluator(issuer, members.subList(0, 2_000), definitions);
    pipeline(issuer, saypro, members, eventCount, random);
  }

  /** Every rule for each member, three rounds (the first warms up); the median round. */
  private static void evaluator(EmbeddedIssuer issuer, List<UUID> members, List<RuleDefinition> definitions) {
    Map<UUID, List<CommunityEvent>> events = new HashMap<>();
    for (UUID member : members) {
      events.put(member, events(issuer, member));
    }
    long[] evaluate = new long[5];
    long[] raw = new long[5];
    int met = 0;
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      met = 0;
      for (UUID member : members) {
        for (RuleDefinition rule : definitions) {
          met += Evaluator.evaluate(rule.condition(), events.get(member), NOW) instanceof Evaluation.Met ? 1 : 0;
        }
      }
      evaluate[round] = System.nanoTime() - start;
      start = System.nanoTime();
      for (UUID member : members) {
        for (RuleDefinition rule : definitions) {
          sink += rawCount(rule.condition(), events.get(member));
        }
      }
      raw[round] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(evaluate);
    java.util.Arrays.sort(raw);
    long evaluations = (long) members.size() * definitions.size();
    double perEvaluation = evaluate[2] / (double) evaluations / 1000;
    double perRaw = raw[2] / (double) evaluations / 1000;
    int perMember = events.values().stream().mapToInt(List::size).sum() / members.size();
    System.out.printf(Locale.ROOT, "evaluator: %,d evaluations (%,d members x %d rules, %d events each), median of"
        + " 5 rounds: %.2f us per rule and member; raw scan %.2f us; ratio %.1f x (%d met, sink %d)%n",
        evaluations, members.size(), definitions.size(), perMember, perEvaluation, perRaw, perEvaluation / perRaw,
        met, sink % 10);
    System.out.printf(Locale.ROOT, "evaluator: one webinar event touches %d rules through the index: %.0f us of"
        + " evaluation per event%n", definitions.stream().filter(d -> d.trigger().equals(EventTypes.WEBINAR_ATTENDED))
        .count(), perEvaluation * definitions.stream().filter(d -> d.trigger().equals(EventTypes.WEBINAR_ATTENDED))
        .count());
  }

  /** The baseline: one pass counting the events of the rule's types, no windows, no anchors, no evidence. */
  private static int rawCount(Condition condition, List<CommunityEvent> events) {
    int n = 0;
    java.util.Set<String> types = condition.eventTypes();
    for (CommunityEvent e : events) {
      if (types.contains(e.type())) {
        n++;
      }
    }
    return n;
  }

  private static void pipeline(EmbeddedIssuer issuer, Organisation saypro, List<UUID> members, int count,
      Random random) {
    CommunityEvents record = issuer.bean(CommunityEvents.class);
    EventRelay relay = issuer.bean(EventRelay.class);
    // a warm-up of 200 events, untimed, through the same path
    recordWebinars(issuer, record, members, 200, random);
    while (relay.deliverDue() > 0) {
      // drain
    }
    long awardsBefore = issuer.number("select count(*) from badge_award");
    long start = System.nanoTime();
    recordWebinars(issuer, record, members, count, random);
    long recorded = System.nanoTime() - start;
    start = System.nanoTime();
    int delivered = 0;
    for (int round = relay.deliverDue(); round > 0; round = relay.deliverDue()) {
      delivered += round;
    }
    long delivery = System.nanoTime() - start;
    long awards = issuer.number("select count(*) from badge_award") - awardsBefore;
    double eventsPerSecond = delivered / (delivery / 1e9);
    System.out.printf(Locale.ROOT, "pipeline: %,d events recorded in %.1f s (%.0f/s, one transaction each);"
        + " relay -> rules -> issuance delivered %,d in %.1f s: %.0f events/s, %,d badges awarded%n",
        count, recorded / 1e9, count / (recorded / 1e9), delivered, delivery / 1e9, eventsPerSecond, awards);

    // the baseline: the same number of badges awarded directly, each in its own transaction
    AwardQualification direct = issuer.bean(AwardQualification.class);
    Qualification badge = issuer.bean(Catalogue.class).find(saypro, "BENCH-R" + RULES).orElseThrow();
    int n = (int) Math.max(100, awards);
    start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int k = i;
      issuer.transactions.executeWrite(status -> direct.award(saypro, badge, new Recipient.ByEmail(
          "direct-" + k + "@bench.example", Optional.empty()), Optional.empty(), "bench"));
    }
    double awardsPerSecond = n / ((System.nanoTime() - start) / 1e9);
    double issuing = awards / awardsPerSecond;
    System.out.printf(Locale.ROOT, "baseline: awarding %,d badges directly: %.0f awards/s; the pipeline spent %.1f of"
        + " its %.1f s issuing and %.2f ms per event on the outbox and the rules; events/s / direct awards/s ="
        + " %.2f%n", n, awardsPerSecond, issuing, delivery / 1e9, (delivery / 1e9 - issuing) * 1000 / delivered,
        eventsPerSecond / awardsPerSecond);
  }

  private static void recordWebinars(EmbeddedIssuer issuer, CommunityEvents record, List<UUID> members, int count,
      Random random) {
    for (int i = 0; i < count; i++) {
      UUID member = members.get(random.nextInt(members.size()));
      String group = "g" + random.nextInt(GROUPS);
      Instant at = NOW.minus(random.nextInt(60 * 24), ChronoUnit.HOURS);
      ObjectNode payload = Json.newObject().put("title", "Webinar " + i).put("minutes", 60);
      issuer.transactions.executeWrite(status ->
          record.record(EventTypes.WEBINAR_ATTENDED, member, Optional.of(group), at, payload));
    }
  }

  private static RuleDefinition rule(int i) {
    Optional<String> group = Optional.of("g" + (i % GROUPS));
    OptionalInt year = OptionalInt.of(12);
    Condition webinars = new Condition.CountAtLeast(EventTypes.WEBINAR_ATTENDED, 3, year, group);
    Condition output = new Condition.ValueAtLeast(EventTypes.OUTPUT_REPORTED, "value",
        BigDecimal.valueOf(100 + i), OptionalInt.of(24), Optional.empty());
    String badge = "BENCH-R" + i;
    return switch (i % 4) {
      case 0 -> new RuleDefinition("webinars " + i, EventTypes.WEBINAR_ATTENDED, webinars, badge);
      case 1 -> new RuleDefinition("webinars and outputs " + i, EventTypes.WEBINAR_ATTENDED, new Condition.AllOf(
          List.of(new Condition.CountAtLeast(EventTypes.WEBINAR_ATTENDED, 2, year, group), output)), badge);
      case 2 -> new RuleDefinition("outputs " + i, EventTypes.OUTPUT_REPORTED, output, badge);
      default -> new RuleDefinition("regular or helpful " + i, EventTypes.WEBINAR_ATTENDED, new Condition.AnyOf(
          List.of(new Condition.CountAtLeast(EventTypes.WEBINAR_ATTENDED, 6, OptionalInt.of(6), Optional.empty()),
              new Condition.CountAtLeast(EventTypes.ANSWER_ACCEPTED, 2, OptionalInt.empty(), Optional.empty()))),
          badge);
    };
  }

  private static List<UUID> members(EmbeddedIssuer issuer) {
    List<UUID> members = new ArrayList<>();
    issuer.transactions.executeWrite(status -> {
      try (PreparedStatement s = status.getConnection().prepareStatement(
          "insert into app_user (id, email, display_name, password_hash) values (?, ?, ?, '$argon2id$bench')")) {
        for (int i = 0; i < MEMBERS; i++) {
          UUID id = UUID.randomUUID();
          members.add(id);
          s.setObject(1, id);
          s.setString(2, "member-" + i + "@bench.example");
          s.setString(3, "Member " + i);
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
    return members;
  }

  /** Four webinars and one reported output per member over the last two years, written without deliveries. */
  private static void history(EmbeddedIssuer issuer, List<UUID> members, Random random) {
    issuer.transactions.executeWrite(status -> {
      try (PreparedStatement s = status.getConnection().prepareStatement("insert into community_event (type,"
          + " user_id, group_slug, occurred_at, payload) values (?, ?, ?, ?, ?::jsonb)")) {
        for (UUID member : members) {
          for (int i = 0; i < 5; i++) {
            boolean webinar = i < 4;
            s.setString(1, webinar ? EventTypes.WEBINAR_ATTENDED : EventTypes.OUTPUT_REPORTED);
            s.setObject(2, member);
            s.setString(3, webinar ? "g" + random.nextInt(GROUPS) : null);
            s.setTimestamp(4, Timestamp.from(NOW.atZone(ZoneOffset.UTC).minusDays(random.nextInt(730)).toInstant()));
            s.setString(5, webinar ? "{\"title\": \"History\", \"minutes\": 60}"
                : "{\"indicator\": \"learners-reached\", \"value\": " + (1 + random.nextInt(100)) + "}");
            s.addBatch();
          }
        }
        s.executeBatch();
      }
      return null;
    });
  }

  private static List<CommunityEvent> events(EmbeddedIssuer issuer, UUID member) {
    return issuer.transactions.executeRead(status -> {
      try (PreparedStatement s = status.getConnection().prepareStatement("select id, type, group_slug, occurred_at,"
          + " payload::text from community_event where user_id = ?")) {
        s.setObject(1, member);
        List<CommunityEvent> events = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            events.add(new CommunityEvent(r.getLong(1), r.getString(2), member, Optional.ofNullable(r.getString(3)),
                r.getTimestamp(4).toInstant(), (ObjectNode) Json.parse(r.getString(5))));
          }
        }
        return events;
      }
    });
  }
}
