package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery when SMTP fails: the email waits with its error and a later attempt time, then goes out once the server is
 * back; and one email that cannot be sent fails alone, the others of its round still sent once (GreenMail, a real
 * SMTP server on loopback, started late on purpose).
 */
class MailDeliveryIT {

  @TempDir Path dataDir;

  @Test
  void anEmailWaitsWhileSmtpIsDownAndOneBadEmailFailsAlone() throws Exception {
    int smtpPort = TestServer.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    try (TestServer server = MailingServer.start(dataDir, smtpPort)) {
      HttpResponse<String> awarded = server.postJson("/organisations/saypro/qualifications/FAC/awards",
          "{\"learner\": {\"email\": \"lerato@example.org\"}}");
      assertEquals(201, awarded.statusCode(), awarded.body());

      // nothing listens on the port yet: the attempt fails, is recorded, and waits
      long deadline = System.currentTimeMillis() + 15_000;
      while (attempts(server, "lerato@example.org") == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      try (Connection sql = server.sql();
          PreparedStatement row = sql.prepareStatement("select attempts, last_error, sent_at,"
              + " next_attempt_at > now() + interval '30 seconds' from email_outbox where to_address = ?")) {
        row.setString(1, "lerato@example.org");
        try (ResultSet r = row.executeQuery()) {
          assertTrue(r.next());
          assertEquals(1, r.getInt(1), "one failed attempt");
          assertNotNull(r.getString(2), "its error is kept");
          assertEquals(null, r.getTimestamp(3), "not sent");
          assertTrue(r.getBoolean(4), "the next attempt waits (a minute after the first failure)");
        }
      }

      // the server is back, and the wait is over; an email the server cannot take is queued beside it
      smtp.start();
      try (Connection sql = server.sql();
          PreparedStatement insert = sql.prepareStatement(
              "insert into email_outbox (to_address, subject, body_text) values (?, 'A notice', 'Hello.')")) {
        insert.setString(1, "not an address");
        insert.executeUpdate();
        insert.setString(1, "thabo@example.org");
        insert.executeUpdate();
        sql.createStatement().executeUpdate("update email_outbox set next_attempt_at = now()");
      }
      assertTrue(smtp.waitForIncomingEmail(15_000, 2), "the award email and the good notice arrive");
      Thread.sleep(1_000);
      assertEquals(2, smtp.getReceivedMessages().length, "each sent once, not again with the bad one's retries");
      assertTrue(GreenMailUtil.getBody(smtp.getReceivedMessages()[0]).contains("/claim/"),
          "the award email, written out when it was finally sent");
      assertEquals(1, attempts(server, "not an address"), "the bad one failed alone, and waits");
      assertEquals(0, count(server, "select count(*) from email_outbox where sent_at is null"
          + " and to_address <> 'not an address'"));
    } finally {
      smtp.stop();
    }
  }

  private static int attempts(TestServer server, String to) throws Exception {
    try (Connection sql = server.sql();
        PreparedStatement row = sql.prepareStatement("select attempts from email_outbox where to_address = ?")) {
      row.setString(1, to);
      try (ResultSet r = row.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  private static long count(TestServer server, String query) throws Exception {
    try (Connection sql = server.sql(); ResultSet r = sql.createStatement().executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }
}
