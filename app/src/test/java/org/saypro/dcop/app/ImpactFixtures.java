package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.saypro.dcop.core.json.Json;

/** A results framework of realistic size, made through the API by a platform admin. */
final class ImpactFixtures {

  static final String[] QUARTERS = {"2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"};

  private ImpactFixtures() {}

  /**
   * An impact, an outcome and an output with {@code indicators} indicators (the first named {@code firstName}),
   * each with values and targets for eight quarters at the national unit; returns the framework's id. A platform
   * admin may enter values of locked periods, so past quarters can be filled.
   */
  static String framework(TestServer admin, String prefix, int indicators, String firstName) {
    String id = created(admin.postJson("/community/impact/frameworks", "{\"title\": \"Skills for work (" + prefix
        + ")\"}"));
    String base = "/community/impact/frameworks/" + id;
    String impact = created(admin.postJson(base + "/results", "{\"level\": \"impact\", \"title\": \"Young people"
        + " find decent work\"}"));
    String outcome = created(admin.postJson(base + "/results", Json.writeString(Json.newObject()
        .put("level", "outcome").put("title", "Graduates hold recognised credentials").put("parentId", impact))));
    String output = created(admin.postJson(base + "/results", Json.writeString(Json.newObject()
        .put("level", "output").put("title", "Lecturers trained and learners supported").put("parentId", outcome))));
    StringBuilder csv = new StringBuilder("indicator,period,org_unit,category,value\n");
    for (int i = 0; i < indicators; i++) {
      String code = prefix + "-" + i;
      boolean percentage = i % 3 == 2;
      created(admin.postJson(base + "/indicators", Json.writeString(Json.newObject().put("resultId", output)
          .put("code", code).put("name", i == 0 ? firstName : "Indicator number " + i + " of the skills programme")
          .put("measure", percentage ? "percentage" : "unit").put("unit", percentage ? null : "learners")
          .put("aggregation", percentage ? "average" : "sum").put("direction", i % 4 == 3 ? "descending"
              : "ascending"))));
      for (int q = 0; q < QUARTERS.length; q++) {
        int value = percentage ? 40 + q * 5 : 100 + q * 17 + i;
        csv.append(code).append(',').append(QUARTERS[q]).append(",za,total,").append(value).append('\n');
        HttpResponse<String> target = admin.putJson(base + "/targets", "{\"indicator\": \"" + code
            + "\", \"period\": \"" + QUARTERS[q] + "\", \"value\": " + (percentage ? 75 : 150 + q * 10) + "}");
        assertEquals(200, target.statusCode(), target.body());
      }
    }
    HttpResponse<String> imported = TestServer.send(admin.authorised(HttpRequest.newBuilder(admin.uri(base
        + "/values/import")).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
            csv.toString()))).build());
    assertEquals(200, imported.statusCode(), imported.body());
    return id;
  }

  private static String created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return TestServer.json(response).get("id").asText();
  }
}
