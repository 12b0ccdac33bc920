package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

/** A server that sends its email to an SMTP server on loopback every 200 ms, with a qualification to award. */
final class MailingServer {

  private MailingServer() {}

  /** Starts the server and adds the SayPro qualification {@code FAC} ("Community Facilitator"). */
  static TestServer start(Path dataDir, int smtpPort) {
    TestServer server = TestServer.start(dataDir, TestServer.freePort(), Map.of(
        "dcop.mail.smtp-host", "127.0.0.1", "dcop.mail.smtp-port", smtpPort, "dcop.mail.starttls", false,
        "dcop.mail.interval", "200ms", "dcop.mail.from", "DCoP Credentials <credentials@saypro.example>"));
    assertEquals(201, server.postJson("/organisations/saypro/qualifications", """
        {"code": "FAC", "title": "Community Facilitator", "description": "Facilitates community workshops.",
         "criteria": "Facilitate three workshops.", "achievementType": "Badge"}""").statusCode());
    return server;
  }
}
