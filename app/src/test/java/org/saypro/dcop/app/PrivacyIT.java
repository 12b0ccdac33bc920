package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.accounts.privacy.PersonalData;
import org.saypro.dcop.app.CommunitySupport.Member;
import org.saypro.dcop.community.webinars.WebinarReminders;
import org.saypro.dcop.core.json.Json;

/**
 * Personal data (ADR 0027) against the real server, database and SMTP server (GreenMail): the export holds every
 * module's data of the member and nothing of others; erasure anonymises, deletes, keeps issued credentials
 * verifiable, ends sign-in and is all or nothing; consent decides which community e-mails are sent; every schema
 * column naming a person is claimed by a section.
 */
class PrivacyIT {

  /** The claim link of the last award made by {@link #everywhere}'s helper. */
  private String lastClaimLink;

  private static final String GROUP = "funding";
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  /** Schema columns that look personal but are not: who installed a migration, the organisation behind a mapping. */
  private static final Set<String> NOT_PERSONAL =
      Set.of("flyway_schema_history.installed_by", "framework_mapping.recorded_by");

  @TempDir static Path dataDir;
  static GreenMail smtp;
  static TestServer server;
  static CommunitySupport community;
  static Member coordinator;

  @BeforeAll
  static void start() {
    int smtpPort = TestServer.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, Object> properties = new HashMap<>(CommunitySupport.PROPERTIES);
    properties.putAll(Map.of("dcop.mail.smtp-host", "127.0.0.1", "dcop.mail.smtp-port", smtpPort,
        "dcop.mail.starttls", false, "dcop.mail.interval", "200ms", "dcop.mail.from", "DCoP <dcop@saypro.example>",
        "test.privacy.failing-section", "true"));
    server = TestServer.start(dataDir, TestServer.freePort(), properties);
    community = new CommunitySupport(server);
    coordinator = community.coordinator("Privacy coordinator", GROUP);
    assertEquals(201, server.postJson("/organisations/saypro/qualifications", """
        {"code": "PRIV", "title": "Data Steward", "description": "Looks after personal data.",
         "criteria": "Completes the course.", "achievementType": "Certificate"}""").statusCode());
  }

  @AfterAll
  static void stop() {
    server.close();
    smtp.stop();
  }

  @Test
  void everyColumnNamingAPersonIsClaimedBySomeSection() throws Exception {
    Set<String> personal = strings("""
        select table_name || '.' || column_name from information_schema.columns where table_schema = 'public'
          and (column_name in ('user_id', 'email', 'to_address', 'actor', 'author_id') or column_name like '%\\_by')
        union
        select c.conrelid::regclass::text || '.' || a.attname from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
          where c.contype = 'f' and c.confrelid = 'app_user'::regclass""");
    Set<String> claimed = server.bean(PersonalData.class).claimedColumns();
    Set<String> unclaimed = new TreeSet<>(personal);
    unclaimed.removeAll(claimed);
    unclaimed.removeAll(NOT_PERSONAL);
    assertEquals(Set.of(), unclaimed, "columns naming a person that no PersonalDataSection answers for");
    Set<String> columns = strings("select table_name || '.' || column_name from information_schema.columns"
        + " where table_schema = 'public'");
    Set<String> stale = new TreeSet<>(claimed);
    stale.removeAll(columns);
    assertEquals(Set.of(), stale, "claims of columns the schema does not have");
    assertTrue(personal.containsAll(NOT_PERSONAL), "the exceptions exist");
  }

  @Test
  void wrongPasswordsForErasureCountAsFailedSignInsAndAreLimited() throws Exception {
    Member member = community.member("Guessed member");
    for (int i = 0; i < 5; i++) {
      assertEquals(400, member.api().postJson("/me/erasure", "{\"password\": \"guess " + i + "\"}").statusCode());
    }
    HttpResponse<String> limited = member.api().postJson("/me/erasure",
        Json.writeString(Json.newObject().put("password", CommunitySupport.PASSWORD)));
    assertEquals(429, limited.statusCode(), "even the right password waits: " + limited.body());
    assertEquals("https://dcop.saypro.org/problems/too-many-requests", TestServer.json(limited).get("type").asText());
    assertEquals(1, community.count("select count(*) from app_user where id = '" + member.id() + "' and not disabled"),
        "nothing was erased");
  }

  @Test
  void theExportHoldsTheImpactRecordsTheMemberMade() {
    String framework = ImpactFixtures.framework(server, "PRV", 1, "Members reached");
    HttpResponse<String> response = server.get("/me/personal-data", "application/json");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode impact = TestServer.json(response).at("/sections/impact");
    assertTrue(impact.get("frameworksCreated").findValuesAsText("id").contains(framework), impact.toString());
    long entered = 0;
    for (JsonNode value : impact.get("valuesEntered")) {
      if (value.get("indicator").asText().equals("PRV-0")) {
        assertEquals("import", value.get("source").asText());
        entered++;
      }
    }
    assertEquals(ImpactFixtures.QUARTERS.length, entered, "one imported value per quarter");
  }

  @Test
  void theExportHoldsEveryModuleOfTheMemberAndNothingOfAnother() throws Exception {
    Member member = community.member("Exported member");
    Member other = community.member("Other member");
    Active active = everywhere(member, other);

    HttpResponse<String> response = member.api().get("/me/personal-data", "application/json");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    JsonNode sections = TestServer.json(response).get("sections");
    assertEquals(member.email(), sections.at("/account/profile/email").asText());
    assertFalse(sections.at("/account/profile/password").asText().startsWith("$argon2"), "never the hash");
    assertEquals(1, sections.at("/account/apiTokens").size());
    assertTrue(sections.at("/account/auditEvents").size() > 0);
    assertEquals("mentions", sections.at("/account/emailConsent/0/purpose").asText());
    assertEquals("learner", sections.at("/groups/profile/0/stakeholder_type").asText());
    assertEquals(GROUP, sections.at("/groups/memberships/0/group_slug").asText());
    assertEquals(active.webinar(), sections.at("/webinars/registrations/0/webinar").asText());
    assertEquals(1, sections.at("/webinars/attendance").size());
    assertEquals(active.project(), sections.at("/projects/memberships/0/project").asText());
    assertEquals("Trees planted", sections.at("/projects/outputsReported/0/indicator").asText());
    assertEquals(active.thread(), sections.at("/forums/threads/0/id").asText());
    assertTrue(sections.at("/forums/posts/0/source").asText().contains("pangolinfund"));
    assertEquals("thanks", sections.at("/forums/reactions/0/kind").asText());
    assertEquals(1, sections.at("/forums/mentionsOfYou").size());
    assertEquals(active.channel(), sections.at("/channels/created/0/id").asText());
    assertTrue(sections.at("/channels/messages/0/source").asText().contains("okapiplan"));
    assertEquals("Privacy toolkit", sections.at("/library/resources/0/title").asText());
    assertTrue(sections.at("/badges/activity").size() > 0, "the community events about the member");
    assertEquals(active.credential(), sections.at("/credentials/credentials/0/uuid").asText());
    assertTrue(sections.at("/credentials/credentials/0/credential").asText().length() > 100, "the credential itself");
    assertEquals(0, sections.at("/credentials/claimLinks").size(), "links made before V40 only");
    assertEquals(1, sections.at("/credentials/claimStates").size());
    assertEquals(active.credential(), sections.at("/credentials/claimStates/0/credential_uuid").asText());
    assertTrue(sections.at("/credentials/claimStates/0/claimed_at").isTextual(), "claimed while signed in");
    assertTrue(sections.at("/credentials/emails").size() >= 1);
    assertEquals("exists-only", sections.at("/sharing/0/visibility").asText());

    String text = response.body();
    // the other member's name may appear: the subject of a mention e-mail sent to this member names its author
    for (String others : new String[] {other.email(), other.id().toString(), "aardvarkword"}) {
      assertFalse(text.contains(others), "nothing of the other member: " + others + " in " + text);
    }
    assertFalse(text.contains("$argon2id$v="), "no password hash");
  }

  @Test
  void erasureAnonymisesDeletesKeepsTheCredentialVerifiableAndEndsSignIn() throws Exception {
    Member member = community.member("Erased member");
    Member other = community.member("Remaining member");
    Active active = everywhere(member, other);
    PageSession browser = PageSession.signIn(server, member.email(), CommunitySupport.PASSWORD);
    JsonNode enveloped = TestServer.json(server.get("/credentials/" + active.credential(), "application/json"));

    assertEquals(400, member.api().postJson("/me/erasure", "{\"password\": \"not my password at all\"}")
        .statusCode(), "the password confirms it");
    assertEquals(204, member.api().postJson("/me/erasure",
        Json.writeString(Json.newObject().put("password", CommunitySupport.PASSWORD))).statusCode());

    String id = "'" + member.id() + "'";
    assertEquals(1, community.count("select count(*) from app_user where id = " + id + " and disabled"
        + " and display_name like 'Former member %' and email like 'erased-%@erased.invalid'"
        + " and erased_at is not null"));
    for (String table : new String[] {"membership", "api_token", "email_consent", "member_profile", "group_member",
        "webinar_registration", "webinar_attendance", "project_member", "forum_reaction", "forum_mention",
        "team_channel_member", "community_event", "credential_holder"}) {
      assertEquals(0, community.count("select count(*) from " + table + " where user_id = " + id), table);
    }
    assertEquals(0, community.count("select count(*) from email_outbox where lower(to_address) = lower('"
        + member.email() + "')"), "e-mails to the address");
    assertEquals(1, community.count("select count(*) from claim_state where credential_uuid = '"
        + active.credential() + "' and revoked_at is not null"), "claim links revoked");
    assertEquals(404, server.anonymous().get(lastClaimLink, "*/*").statusCode(),
        "the link in the e-mail they were sent opens nothing");
    assertEquals(0, community.count("select count(*) from credential_sharing where credential_uuid = '"
        + active.credential() + "' and (views > 0 or visibility = 'public')"), "counts reset, details unpublished");

    JsonNode thread = TestServer.json(other.api().get("/community/forums/threads/" + active.thread(),
        "application/json"));
    assertTrue(thread.at("/posts/0/authorName").asText().startsWith("Former member"), thread.toString());
    assertTrue(thread.at("/posts/0/body").asText().contains("pangolinfund"), "the post keeps its place and text");
    String reply = thread.at("/posts/1/body").asText();
    assertFalse(reply.contains(member.email()), reply);
    assertTrue(reply.contains("@former-member"), reply);
    assertEquals(1, community.count("select count(*) from team_channel_message where author_id = " + id));
    assertEquals(1, community.count("select count(*) from resource where author_id = " + id));
    assertEquals(1, community.count("select count(*) from audit_event where action = 'personal-data.erased'"
        + " and actor = " + id + " and subject = " + id));

    JsonNode report = TestServer.json(server.anonymous().postJson("/credentials/verify",
        TestServer.verifyRequest(enveloped)));
    assertTrue(report.get("verified").asBoolean(), "an issued credential stays verifiable: " + report);

    assertEquals(401, server.anonymous().postJson("/login", Json.writeString(Json.newObject()
        .put("username", member.email()).put("password", CommunitySupport.PASSWORD))).statusCode());
    assertEquals(401, member.api().get("/me", "application/json").statusCode(), "the old session is no longer valid");
    assertEquals(3, browser.get("/my/privacy").statusCode() / 100, "the page session neither");
    assertEquals(404, server.postJson("/users/" + member.id() + "/erasure", "").statusCode(), "erased already");
  }

  @Test
  void anErasureThatFailsMidwayWritesNothing() throws Exception {
    Member member = community.member("Erasure fails");
    Member other = community.member("Witness");
    everywhere(member, other);
    String id = "'" + member.id() + "'";
    long before = rowsAbout(id);
    assertTrue(before > 10, "the member has rows in many tables: " + before);
    HttpResponse<String> failed = member.api().postJson("/me/erasure",
        Json.writeString(Json.newObject().put("password", CommunitySupport.PASSWORD)));
    assertEquals(500, failed.statusCode(), failed.body());
    assertEquals("application/problem+json", failed.headers().firstValue("Content-Type").orElse(""));
    assertEquals(before, rowsAbout(id), "everything is still there");
    assertEquals(1, community.count("select count(*) from app_user where id = " + id + " and not disabled"
        + " and erased_at is null"));
    assertEquals(0, community.count("select count(*) from audit_event where action = 'personal-data.erased'"
        + " and subject = " + id));
    assertEquals(200, member.api().get("/me", "application/json").statusCode());
  }

  @Test
  void membersExportAndEraseOnlyThemselvesAdminsEraseOthersAnonymousGets401() throws Exception {
    Member member = community.member("Self only");
    Member target = community.member("Erased by admin");
    assertEquals(401, server.anonymous().get("/me/personal-data", "application/json").statusCode());
    assertEquals(401, server.anonymous().postJson("/me/erasure", "{\"password\": \"x\"}").statusCode());
    assertEquals(401, server.anonymous().postJson("/users/" + target.id() + "/erasure", "").statusCode());
    assertEquals(401, server.anonymous().get("/me/email-consent", "application/json").statusCode());
    assertEquals(403, member.api().postJson("/users/" + target.id() + "/erasure", "").statusCode());
    assertEquals(403, coordinator.api().postJson("/users/" + target.id() + "/erasure", "").statusCode());
    JsonNode own = TestServer.json(member.api().get("/me/personal-data", "application/json"));
    assertEquals(member.id().toString(), own.get("member").asText(), "the export is always the caller's own");

    assertEquals(204, server.postJson("/users/" + target.id() + "/erasure", "").statusCode());
    assertEquals(401, target.api().get("/me", "application/json").statusCode());
    assertEquals(1, community.count("select count(*) from audit_event where action = 'personal-data.erased'"
        + " and subject = '" + target.id() + "' and detail->>'requestedBy' = 'platform-admin'"));
    assertEquals(404, server.postJson("/users/not-a-uuid/erasure", "").statusCode());
    HttpResponse<String> lastAdmin = server.postJson("/users/" + adminId() + "/erasure", "");
    assertEquals(409, lastAdmin.statusCode(), lastAdmin.body());
    assertTrue(lastAdmin.body().contains("last-platform-admin"), lastAdmin.body());
  }

  @Test
  void communityEmailsNeedConsentAndStopWhenItIsWithdrawn() throws Exception {
    Member writer = community.member("Consent writer");
    Member reader = community.member("Consent reader");
    String thread = ForumsIT.startThread(writer, "general", "Consent first", "Hello @" + reader.email());
    assertEquals(0, community.count("select count(*) from email_outbox where to_address = '" + reader.email() + "'"),
        "no consent, no e-mail");

    PageSession page = PageSession.signIn(server, reader.email(), CommunitySupport.PASSWORD);
    String html = page.get("/my/privacy").body();
    assertFalse(html.contains("checked"), "no box is ticked until the member ticks it");
    String token = page.formToken("/my/privacy");
    assertEquals(403, page.postForm("/my/privacy/consent", Map.of("mentions", "yes")).statusCode(), "form token");
    assertEquals(303, page.postForm("/my/privacy/consent", Map.of("csrf", token, "mentions", "yes")).statusCode());
    assertTrue(page.get("/my/privacy").body().contains("checked"));
    ForumsIT.reply(writer, thread, "Now with consent, @" + reader.email());
    assertEquals(1, awaitMessagesTo(reader.email(), 1), "one e-mail with consent");

    assertEquals(303, page.postForm("/my/privacy/consent", Map.of("csrf", token)).statusCode(), "unticked: withdrawn");
    ForumsIT.reply(writer, thread, "After withdrawal, @" + reader.email());
    assertEquals(1, community.count("select count(*) from email_outbox where to_address = '" + reader.email() + "'"));
    Thread.sleep(1500);
    assertEquals(1, messagesTo(reader.email()), "withdrawal stops them");
    assertEquals(1, community.count("select count(*) from email_consent where user_id = '" + reader.id() + "'"
        + " and purpose = 'mentions' and withdrawn_at is not null"), "the history of the consent is kept");

    Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    HttpResponse<String> created = coordinator.api().postJson("/community/groups/" + GROUP + "/webinars",
        CommunitySupport.webinarBody("Consent webinar", soon, 5));
    String webinar = TestServer.json(created).get("id").asText();
    assertEquals(201, reader.api().postJson("/community/webinars/" + webinar + "/registrations", "").statusCode());
    assertEquals(201, writer.api().postJson("/community/webinars/" + webinar + "/registrations", "").statusCode());
    CommunitySupport.consent(writer, "webinar-reminders");
    server.bean(WebinarReminders.class).remindDue();
    assertEquals(0, community.count("select count(*) from email_outbox where to_address = '" + reader.email()
        + "' and subject = 'Reminder: Consent webinar'"), "no reminder without consent");
    assertEquals(1, awaitMessagesTo(writer.email(), 1), "the consenting member is reminded, by real e-mail");
    HttpResponse<String> bad = reader.api().putJson("/me/email-consent", "{\"newsletter\": true, \"mentions\": 1}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("/newsletter") && bad.body().contains("/mentions"), bad.body());
  }

  @Test
  void thePrivacyPageDownloadsAndErasesWithThePassword() throws Exception {
    Member member = community.member("Page eraser");
    assertEquals(3, PageSession.visitor(server).get("/my/privacy").statusCode() / 100, "visitors are sent to sign in");
    PageSession page = PageSession.signIn(server, member.email(), CommunitySupport.PASSWORD);
    HttpResponse<String> html = page.get("/my/privacy");
    assertEquals(200, html.statusCode());
    assertTrue(html.body().length() < 100_000);
    HttpResponse<String> download = page.get("/my/privacy/personal-data", "*/*");
    assertEquals(200, download.statusCode());
    assertEquals(member.email(), TestServer.json(download).at("/sections/account/profile/email").asText());
    String token = page.formToken("/my/privacy");
    HttpResponse<String> wrong = page.postForm("/my/privacy/erasure", Map.of("csrf", token, "password", "guess"));
    assertEquals(303, wrong.statusCode());
    assertTrue(page.get(wrong.headers().firstValue("Location").orElseThrow()).body().contains("nothing was erased"));
    assertEquals(403, page.postForm("/my/privacy/erasure", Map.of("password", CommunitySupport.PASSWORD))
        .statusCode(), "form token");
    HttpResponse<String> erased = page.postForm("/my/privacy/erasure", Map.of("csrf", token, "password",
        CommunitySupport.PASSWORD));
    assertEquals(200, erased.statusCode(), erased.body());
    assertTrue(erased.body().contains("Your personal data is erased"));
    assertTrue(PageSession.setCookie(erased).orElse("").contains("Max-Age=0"), "the session cookie is closed");
    assertEquals(1, community.count("select count(*) from app_user where id = '" + member.id() + "' and disabled"));
  }

  /** What the member did everywhere, so that each section has something; the other member takes part too. */
  private record Active(String credential, String webinar, String project, String thread, String channel) {}

  private Active everywhere(Member member, Member other) throws Exception {
    String credential = claimedCredential(member);
    PageSession browser = PageSession.signIn(server, member.email(), CommunitySupport.PASSWORD);
    assertEquals(200, browser.postForm("/my/credentials/" + credential + "/visibility", Map.of("csrf",
        browser.formToken("/my/credentials"), "visibility", "exists-only")).statusCode());
    assertEquals(201, member.api().postJson("/me/tokens", "{\"name\": \"laptop\"}").statusCode());
    CommunitySupport.consent(member, "mentions");
    assertEquals(200, member.api().putJson("/community/profile", "{\"stakeholderType\": \"learner\"}").statusCode());
    assertEquals(201, member.api().postJson("/community/groups/" + GROUP + "/members", "").statusCode());

    String webinar = CommunitySupport.schedule(coordinator.api(), GROUP, "Privacy webinar", 10).get("id").asText();
    assertEquals(201, member.api().postJson("/community/webinars/" + webinar + "/registrations", "").statusCode());
    assertEquals(201, coordinator.api().postJson("/community/webinars/" + webinar + "/attendance",
        Json.writeString(Json.newObject().put("userId", member.id().toString()))).statusCode());

    HttpResponse<String> project = coordinator.api().postJson("/community/groups/" + GROUP + "/projects",
        Json.writeString(Json.newObject().put("title", "Privacy project").put("startsOn", "2026-02-01")
            .put("status", "active")));
    assertEquals(201, project.statusCode(), project.body());
    String projectId = TestServer.json(project).get("id").asText();
    assertEquals(201, coordinator.api().putJson("/community/projects/" + projectId + "/members/" + member.id(), "")
        .statusCode());
    assertEquals(201, member.api().postJson("/community/projects/" + projectId + "/outputs", Json.writeString(
        Json.newObject().put("date", "2026-03-15").put("indicator", "Trees planted").put("value", 12)
            .put("unit", "trees"))).statusCode());

    String thread = ForumsIT.startThread(member, "general", "Where does the pangolinfund go?",
        "Asking about the pangolinfund.");
    String reply = ForumsIT.reply(other, thread, "It goes far, @" + member.email() + ", aardvarkword.");
    assertEquals(201, member.api().putJson("/community/forums/posts/" + reply + "/reactions/thanks", "").statusCode());

    String channel = TeamChannelsIT.taskForce(member, "Privacy task force " + member.id());
    TeamChannelsIT.addMember(member, channel, other);
    TeamChannelsIT.post(member, channel, "The okapiplan is ready.");
    TeamChannelsIT.post(other, channel, "Thanks @" + member.email() + ", aardvarkword here.");

    Map<String, String> resource = new LinkedHashMap<>();
    resource.putAll(Map.of("title", "Privacy toolkit", "description", "How to keep less.", "kind", "toolkit",
        "group", GROUP, "tags", "privacy", "licence", "CC-BY-4.0", "organisation", "SayPro"));
    HttpResponse<String> uploaded = TestServer.send(member.api().authorised(PageSession.multipart(
        HttpRequest.newBuilder(server.uri("/community/resources")), resource, "toolkit.pdf", "application/pdf", PDF)
        .header("Accept", "application/json")).build());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    return new Active(credential, webinar, projectId, thread, channel);
  }

  /** A credential awarded to the member's address, e-mailed by real SMTP, and claimed into their account. */
  private String claimedCredential(Member member) throws Exception {
    String award = Json.writeString(Json.newObject().set("learner", Json.newObject().put("email", member.email())
        .put("name", "Learner")));
    HttpResponse<String> awarded = server.postJson("/organisations/saypro/qualifications/PRIV/awards", award);
    assertEquals(201, awarded.statusCode(), awarded.body());
    String location = awarded.headers().firstValue("Location").orElseThrow();
    awaitMessagesTo(member.email(), 1);
    String body = null;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (recipient(m).equals(member.email())) {
        body = GreenMailUtil.getBody(m);
      }
    }
    Matcher link = Pattern.compile("http://localhost:\\d+(/claim/[A-Za-z0-9_-]{55})").matcher(body);
    assertTrue(link.find(), body);
    lastClaimLink = link.group(1);
    assertEquals(200, member.api().postJson(link.group(1), "").statusCode());
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static long awaitMessagesTo(String address, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (messagesTo(address) < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    return messagesTo(address);
  }

  private static long messagesTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).count();
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long rowsAbout(String id) throws Exception {
    long rows = 0;
    for (String table : new String[] {"membership", "api_token", "email_consent", "member_profile", "group_member",
        "webinar_registration", "webinar_attendance", "project_member", "forum_reaction", "forum_mention",
        "team_channel_member", "community_event", "credential_holder"}) {
      rows += community.count("select count(*) from " + table + " where user_id = " + id);
    }
    return rows + community.count("select count(*) from forum_post where source like '%erasure-fails%'");
  }

  private static String adminId() {
    return TestServer.json(server.get("/me", "application/json")).get("id").asText();
  }

  private static Set<String> strings(String sql) throws Exception {
    Set<String> all = new TreeSet<>();
    try (Connection c = server.sql(); ResultSet r = c.createStatement().executeQuery(sql)) {
      while (r.next()) {
        all.add(r.getString(1));
      }
    }
    return all;
  }
}
