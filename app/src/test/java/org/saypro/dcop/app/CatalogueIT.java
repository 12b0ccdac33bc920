package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.openbadges.IdentityHash;
import org.saypro.dcop.core.verify.Checks;

/** The SayPro catalogue: qualifications with their NQF level, awards by DID and by email, framework mappings. */
class CatalogueIT {

  @TempDir static Path dataDir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    HttpResponse<String> added = server.postJson("/organisations/saypro/qualifications", ECD);
    assertEquals(201, added.statusCode(), added.body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String ECD = """
      {"code": "ECD-5", "title": "Higher Certificate in Early Childhood Development",
       "description": "A year-long programme for early childhood development practitioners.",
       "criteria": "Complete all modules and a supervised practicum of 240 hours.",
       "achievementType": "Certificate", "credits": 120, "validityMonths": 36,
       "level": {"framework": "South African NQF", "level": "5", "url": "https://www.saqa.org.za/nqf-levels"}}""";

  @Test
  void theCatalogueListsTheQualificationWithItsLevel() {
    JsonNode one = TestServer.json(server.get("/organisations/saypro/qualifications/ECD-5", "application/json"));
    assertEquals(server.uri("/organisations/saypro/qualifications/ECD-5").toString(), one.get("id").asText());
    JsonNode level = one.get("alignments").get(0);
    assertEquals("South African NQF", level.get("targetFramework").asText());
    assertEquals("5", level.get("targetCode").asText());
    JsonNode all = TestServer.json(server.get("/organisations/saypro/qualifications", "application/json"));
    assertEquals("ECD-5", all.get("qualifications").get(0).get("code").asText());
  }

  @Test
  void badCatalogueRequestsAreProblemsNamingTheFields() {
    HttpResponse<String> duplicate = server.postJson("/organisations/saypro/qualifications", ECD);
    assertEquals(409, duplicate.statusCode());
    assertEquals("https://dcop.saypro.org/problems/duplicate-qualification", TestServer.json(duplicate).get("type").asText());

    HttpResponse<String> bad = server.postJson("/organisations/saypro/qualifications",
        "{\"code\": \"has space\", \"credits\": \"many\", \"level\": {\"framework\": \"NQF\"}}");
    assertEquals(400, bad.statusCode(), bad.body());
    List<String> pointers = new ArrayList<>();
    TestServer.json(bad).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertTrue(pointers.containsAll(List.of("/title", "/description", "/criteria", "/credits", "/level")),
        pointers.toString());

    assertEquals(404, server.postJson("/organisations/nobody/qualifications", ECD).statusCode());
    assertEquals(404, server.get("/organisations/saypro/qualifications/NOPE", "application/json").statusCode());
    assertEquals(404, server.get("/organisations/Bad%20Slug/qualifications", "application/json").statusCode());
  }

  @Test
  void anAwardByDidIsAnOpenBadgeThatVerifiesAndIsIssuedOnce() {
    String body = "{\"learner\": {\"did\": \"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\","
        + " \"name\": \"Thandi Mokoena\"}}";
    HttpResponse<String> first = server.postJson("/organisations/saypro/qualifications/ECD-5/awards", body);
    assertEquals(201, first.statusCode(), first.body());
    JsonNode enveloped = TestServer.json(first).get("verifiableCredential");
    JsonNode report = TestServer.json(server.postJson("/credentials/verify", TestServer.verifyRequest(enveloped)));
    assertTrue(report.get("verified").asBoolean(), report.toString());
    assertEquals("passed", TestServer.status(report, Checks.STATUS));

    String path = first.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    JsonNode credential = credentialJson(path);
    assertTrue(credential.get("type").toString().contains("OpenBadgeCredential"));
    JsonNode achievement = credential.get("credentialSubject").get("achievement");
    assertEquals(server.uri("/organisations/saypro/qualifications/ECD-5").toString(), achievement.get("id").asText());
    assertEquals(120, achievement.get("creditsAvailable").asInt());
    assertTrue(credential.has("validUntil"), "36 months of validity");

    HttpResponse<String> again = server.postJson("/organisations/saypro/qualifications/ECD-5/awards", body);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"), "the same award");
  }

  @Test
  void anAwardByEmailCarriesOnlyAHashOfTheAddress() {
    HttpResponse<String> awarded = server.postJson("/organisations/saypro/qualifications/ECD-5/awards",
        "{\"learner\": {\"email\": \"Sipho.Dlamini@example.org\"}}");
    assertEquals(201, awarded.statusCode(), awarded.body());
    String path = awarded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    JsonNode credential = credentialJson(path);
    assertFalse(credential.toString().toLowerCase(java.util.Locale.ROOT).contains("sipho.dlamini@example.org"));
    assertTrue(IdentityHash.matchesEmail(credential.get("credentialSubject").get("identifier").get(0),
        "sipho.dlamini@example.org"));

    HttpResponse<String> neither = server.postJson("/organisations/saypro/qualifications/ECD-5/awards",
        "{\"learner\": {\"did\": \"did:key:z6Mk\", \"email\": \"a@b.org\"}}");
    assertEquals(400, neither.statusCode());
    assertEquals(400, server.postJson("/organisations/saypro/qualifications/ECD-5/awards",
        "{\"learner\": {\"email\": \"not-an-address\"}}").statusCode());
  }

  @Test
  void frameworkMappingsAreFoundFromEitherSide() {
    HttpResponse<String> added = server.postJson("/framework-mappings",
        "{\"fromFramework\": \"South African NQF\", \"fromCode\": \"5\", \"toFramework\": \"SADC QF\","
            + " \"toCode\": \"5\", \"relation\": \"comparable\", \"note\": \"SADCQF alignment report\"}");
    assertEquals(201, added.statusCode(), added.body());
    JsonNode fromSadc = TestServer.json(server.get("/framework-mappings?framework=SADC%20QF&code=5", "application/json"));
    assertEquals("South African NQF", fromSadc.get("mappings").get(0).get("fromFramework").asText());
    assertEquals(400, server.postJson("/framework-mappings", "{\"fromFramework\": \"X\", \"relation\": \"same\"}")
        .statusCode());
    assertEquals(400, server.get("/framework-mappings", "application/json").statusCode());
  }

  private static JsonNode credentialJson(String path) {
    String jwt = server.get(path, "application/vc+jwt").body();
    String payload = jwt.split("\\.")[1];
    return Json.parse(java.util.Base64.getUrlDecoder().decode(payload));
  }
}
