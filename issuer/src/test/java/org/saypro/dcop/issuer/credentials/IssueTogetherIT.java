package org.saypro.dcop.issuer.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.log.LogDatabase;

/**
 * Several credentials issued in one call, on a real PostgreSQL: they share one transaction, a refused one falls back
 * to one transaction per credential so that only it is refused, and idempotency holds per credential.
 */
class IssueTogetherIT {

  private static final String ISSUER = "did:web:localhost%3A8080";
  @TempDir static Path directory;
  private static LogDatabase database;
  private static IssueCredentialService service;

  @BeforeAll
  static void start() {
    database = LogDatabase.start(directory, 256);
    service = database.context.getBean(IssueCredentialService.class);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void aRefusedCredentialFailsAloneAndTakesNothingWithIt() {
    long credentialsBefore = database.count("select count(*) from credential");
    long entriesBefore = database.count("select count(*) from status_entry");
    List<IssueRequest> requests = List.of(request("refused-a", "Thandi"), invalid("refused-b"),
        request("refused-c", "Sipho"));
    List<NewCredential> along = new ArrayList<>();

    List<IssueResult> results = service.issue(requests, AuditEvent.SYSTEM, along::addAll);

    assertInstanceOf(IssueResult.Issued.class, results.get(0));
    assertInstanceOf(IssueResult.Invalid.class, results.get(1), "the credential without a subject is refused");
    assertInstanceOf(IssueResult.Issued.class, results.get(2));
    assertEquals(List.of(0, 2), along.stream().map(NewCredential::request).sorted().toList(),
        "the work along with issuing ran for the issued ones only");
    assertEquals(2, database.count("select count(*) from credential") - credentialsBefore);
    assertEquals(4, database.count("select count(*) from status_entry") - entriesBefore,
        "a revocation and a suspension entry for each issued credential, none for the refused one");
    assertEquals(0, database.count("select count(*) from status_entry e where not exists"
        + " (select 1 from credential c where c.uuid = e.credential_uuid)"));
    assertEquals(0, database.count("select count(*) from credential c where (select count(*) from log_entry l"
        + " where l.credential_uuid = c.uuid and l.kind = 'credential') <> 1"), "one log entry per credential");
  }

  @Test
  void theSameCallAgainReplaysEveryCredentialAndAReusedKeyIsReported() {
    List<IssueRequest> requests = List.of(request("again-a", "Thandi"), request("again-b", "Sipho"));
    List<IssueResult> first = service.issue(requests, AuditEvent.SYSTEM, made -> {});
    long credentials = database.count("select count(*) from credential");

    List<IssueResult> again = service.issue(
        List.of(request("again-a", "Thandi"), request("again-b", "Someone else")), AuditEvent.SYSTEM, made -> {});

    IssueResult.Issued replayed = assertInstanceOf(IssueResult.Issued.class, again.get(0));
    assertTrue(replayed.replayed());
    assertEquals(((IssueResult.Issued) first.get(0)).credential(), replayed.credential());
    assertInstanceOf(IssueResult.IdempotencyKeyReused.class, again.get(1), "the same key for another request");
    assertEquals(credentials, database.count("select count(*) from credential"), "nothing new");
  }

  @Test
  void oneKeyTwiceInOneCallIssuesOnceAndReplaysIt() {
    List<IssueResult> results = service.issue(
        List.of(request("twice", "Thandi"), request("twice", "Thandi"), request("twice-other", "Sipho")),
        AuditEvent.SYSTEM, made -> {});

    IssueResult.Issued first = assertInstanceOf(IssueResult.Issued.class, results.get(0));
    IssueResult.Issued second = assertInstanceOf(IssueResult.Issued.class, results.get(1));
    assertEquals(first.credential(), second.credential());
    assertFalse(first.replayed());
    assertTrue(second.replayed(), "the second is the first's replay");
    IssueResult.Issued other = assertInstanceOf(IssueResult.Issued.class, results.get(2));
    assertNotEquals(first.credential().uuid(), other.credential().uuid());
  }

  private static IssueRequest request(String key, String name) {
    ObjectNode body = Json.newObject();
    ObjectNode credential = body.putObject("credential");
    credential.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    credential.putArray("type").add("VerifiableCredential");
    credential.put("issuer", ISSUER);
    credential.putObject("credentialSubject").put("id", "did:example:" + key).put("name", name);
    return new IssueRequest(body, Optional.of(key), Json.sha256((key + name).getBytes(StandardCharsets.UTF_8)));
  }

  private static IssueRequest invalid(String key) {
    IssueRequest valid = request(key, "nobody");
    JsonNode body = valid.body().deepCopy();
    ((ObjectNode) body.get("credential")).remove("credentialSubject");
    return new IssueRequest(body, valid.idempotencyKey(), valid.requestHash());
  }
}
