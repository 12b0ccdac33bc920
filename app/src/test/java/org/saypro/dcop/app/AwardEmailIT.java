package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner awarded by email receives a real email (GreenMail, a real SMTP server on loopback) whose link opens the
 * credential; a second award of the same learner sends nothing more.
 */
class AwardEmailIT {

  @TempDir Path dataDir;

  private static TestServer learner(TestServer server, String name) {
    String email = name + "@example.org";
    HttpResponse<String> created = server.postJson("/users",
        "{\"email\": \"" + email + "\", \"displayName\": \"" + name + "\", \"password\": \"a long enough password\"}");
    assertEquals(201, created.statusCode(), created.body());
    return server.as(server.signIn(email, "a long enough password"));
  }

  @Test
  void theLearnerReceivesAnEmailWithAWorkingLink() throws Exception {
    int smtpPort = TestServer.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (TestServer server = MailingServer.start(dataDir, smtpPort)) {
      String award = "{\"learner\": {\"email\": \"lerato@example.org\", \"name\": \"Lerato <b>Khumalo</b>\"}}";
      HttpResponse<String> awarded = server.postJson("/organisations/saypro/qualifications/FAC/awards", award);
      assertEquals(201, awarded.statusCode(), awarded.body());
      String location = awarded.headers().firstValue("Location").orElseThrow();

      assertTrue(smtp.waitForIncomingEmail(15_000, 1), "an email arrives");
      MimeMessage email = smtp.getReceivedMessages()[0];
      assertEquals("lerato@example.org", email.getAllRecipients()[0].toString());
      assertEquals("SayPro has awarded you: Community Facilitator", email.getSubject());
      String body = GreenMailUtil.getBody(email);
      assertTrue(body.contains("Hello Lerato <b>Khumalo</b>,"), "plain text: nothing is interpreted: " + body);
      Matcher link = Pattern.compile("(http://localhost:\\d+/claim/[A-Za-z0-9_-]{55})").matcher(body);
      assertTrue(link.find(), body);

      HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> claimed =
          plain.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(303, claimed.statusCode());
      assertEquals(location, claimed.headers().firstValue("Location").orElseThrow());
      JsonNode credential = TestServer.json(server.get(
          URI.create(location).getPath(), "application/json"));
      assertEquals("EnvelopedVerifiableCredential", credential.path("type").asText(), credential.toString());

      assertEquals(404, plain.send(HttpRequest.newBuilder(URI.create(link.group(1).replaceAll(".$", "A")
          .replaceAll("AA$", "AB"))).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());

      // signed in, the learner keeps it in their account; nobody else can, and nobody else sees it
      TestServer lerato = learner(server, "lerato");
      TestServer other = learner(server, "thabo");
      assertEquals(200, lerato.postJson(URI.create(link.group(1)).getPath(), "").statusCode());
      JsonNode mine = TestServer.json(lerato.get("/me/credentials", "application/json"));
      assertEquals(location, mine.path("credentials").path(0).path("credential").asText(), mine.toString());
      assertEquals(403, other.postJson(URI.create(link.group(1)).getPath(), "").statusCode());
      assertEquals(0, TestServer.json(other.get("/me/credentials", "application/json")).path("credentials").size());
      assertEquals(401, server.anonymous().get("/me/credentials", "application/json").statusCode());
      assertEquals(401, server.anonymous().postJson(URI.create(link.group(1)).getPath(), "").statusCode());

      // a link sent before V40 (random, only its SHA-256 in claim_token) still opens its credential until it expires
      String uuid = location.substring(location.lastIndexOf('/') + 1);
      String before = "b".repeat(43);
      String expired = "e".repeat(43);
      try (java.sql.Connection sql = server.sql();
          java.sql.PreparedStatement insert = sql.prepareStatement("insert into claim_token"
              + " (token_sha256, credential_uuid, expires_at) values (?, ?::uuid, now() + ?::interval)")) {
        for (String[] row : new String[][] {{before, "1 day"}, {expired, "-1 second"}}) {
          insert.setBytes(1, org.saypro.dcop.core.json.Json.sha256(row[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
          insert.setString(2, uuid);
          insert.setString(3, row[1]);
          insert.executeUpdate();
        }
      }
      HttpResponse<String> old = plain.send(HttpRequest.newBuilder(server.uri("/claim/" + before)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(303, old.statusCode(), old.body());
      assertEquals(location, old.headers().firstValue("Location").orElseThrow());
      assertEquals(404, plain.send(HttpRequest.newBuilder(server.uri("/claim/" + expired)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());

      assertEquals(200, server.postJson("/organisations/saypro/qualifications/FAC/awards", award).statusCode());
      Thread.sleep(1000);
      assertEquals(1, smtp.getReceivedMessages().length, "a replayed award sends no second email");

      // the outbox kept what the text needs, never the link: the link was made when the email was sent (ADR 34)
      try (java.sql.Connection sql = server.sql();
          java.sql.PreparedStatement row = sql.prepareStatement("select body_text, learner_name, organisation_name,"
              + " qualification_title, sent_at is not null, (select count(*) from email_outbox"
              + " where concat_ws(' ', subject, body_text, learner_name, organisation_name, qualification_title)"
              + " like '%/claim/%') from email_outbox where credential_uuid = ?::uuid")) {
        row.setString(1, uuid);
        try (java.sql.ResultSet r = row.executeQuery()) {
          assertTrue(r.next());
          assertEquals(null, r.getString(1));
          assertEquals("Lerato <b>Khumalo</b>", r.getString(2));
          assertEquals("SayPro", r.getString(3));
          assertEquals("Community Facilitator", r.getString(4));
          assertTrue(r.getBoolean(5), "marked sent");
          assertEquals(0, r.getLong(6), "no claim link anywhere in the outbox");
        }
      }

      // an award email queued before V41, its text finished with the link in it, still goes out as it was written
      try (java.sql.Connection sql = server.sql();
          java.sql.PreparedStatement insert = sql.prepareStatement("insert into email_outbox"
              + " (to_address, subject, body_text, credential_uuid) values (?, ?, ?, ?::uuid)")) {
        insert.setString(1, "queued@example.org");
        insert.setString(2, "SayPro has awarded you: Community Facilitator");
        insert.setString(3, "Hello there,\n\nwritten before V41: " + server.uri("/claim/" + before) + "\n");
        insert.setString(4, uuid);
        insert.executeUpdate();
      }
      assertTrue(smtp.waitForIncomingEmail(15_000, 2), "the email queued before V41 arrives");
      MimeMessage queued = smtp.getReceivedMessages()[1];
      assertEquals("queued@example.org", queued.getAllRecipients()[0].toString());
      assertTrue(GreenMailUtil.getBody(queued).contains("written before V41: " + server.uri("/claim/" + before)),
          GreenMailUtil.getBody(queued));
    } finally {
      smtp.stop();
    }
  }
}
