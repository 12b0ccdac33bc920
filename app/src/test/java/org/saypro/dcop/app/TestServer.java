package org.saypro.dcop.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.saypro.dcop.core.json.Json;

/**
 * Starts the real server (embedded PostgreSQL included) through {@link DcopServer}, signs in as its first platform
 * admin, and talks HTTP to it with that bearer token unless asked not to ({@link #anonymous}).
 */
final class TestServer implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String ADMIN_EMAIL = "admin@test.example";
  static final String ADMIN_PASSWORD = "correct horse battery staple";

  final Path dataDir;
  final int port;
  private final Map<String, Object> extra;
  private DcopServer server;
  /** The bearer token sent by default; null sends none. */
  private String token;

  private TestServer(Path dataDir, int port, Map<String, Object> extra) {
    this.dataDir = dataDir;
    this.port = port;
    this.extra = extra;
  }

  static TestServer start(Path dataDir) {
    return start(dataDir, freePort(), Map.of());
  }

  static TestServer start(Path dataDir, int port, Map<String, Object> extra) {
    TestServer test = startWithoutSignIn(dataDir, port, extra);
    test.token = test.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    return test;
  }

  /** Started, but signed in as nobody (for first-start tests that set their own admin). */
  static TestServer startWithoutSignIn(Path dataDir, int port, Map<String, Object> extra) {
    TestServer test = new TestServer(dataDir, port, extra);
    test.server = DcopServer.start(test.properties());
    return test;
  }

  private Map<String, Object> properties() {
    Map<String, Object> properties = new HashMap<>(extra);
    // tests that anchor start their own chain (AnchoringIT); the others need none
    properties.putIfAbsent("dcop.ledger.dev-chain", "false");
    properties.put("micronaut.server.port", port);
    properties.put("dcop.public-url", "http://localhost:" + port);
    properties.put("dcop.data-dir", dataDir.toString());
    properties.putIfAbsent("dcop.admin.email", ADMIN_EMAIL);
    properties.putIfAbsent("dcop.admin.password", ADMIN_PASSWORD);
    return properties;
  }

  String issuerDid() {
    return "did:web:localhost%3A" + port;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** The running server's beans, for tests that drive internals (recording community events, running a relay). */
  io.micronaut.context.ApplicationContext context() {
    return server.context();
  }

  /** A plain JDBC connection to the server's database, outside its transaction management. */
  Connection sql() throws SQLException {
    var context = server.context();
    return DriverManager.getConnection(
        context.getRequiredProperty("datasources.default.url", String.class),
        context.getRequiredProperty("datasources.default.username", String.class),
        context.getProperty("datasources.default.password", String.class).orElse(""));
  }

  /** A bean of the running server, for tests that drive a background worker themselves. */
  <T> T bean(Class<T> type) {
    return server.context().getBean(type);
  }

  /** A bearer access token for this user (POST /login); fails the test when sign-in fails. */
  String signIn(String email, String password) {
    HttpResponse<String> response = anonymous().postJson("/login",
        Json.writeString(Json.newObject().put("username", email).put("password", password)));
    if (response.statusCode() != 200) {
      throw new AssertionError("sign-in as " + email + " failed: " + response.statusCode() + " " + response.body());
    }
    return json(response).get("access_token").asText();
  }

  /** The same server, sending no Authorization header. */
  TestServer anonymous() {
    return as(null);
  }

  /** The same server, sending this bearer token (null: none). */
  TestServer as(String bearer) {
    TestServer view = new TestServer(dataDir, port, extra);
    view.server = server;
    view.token = bearer;
    return view;
  }

  String token() {
    return token;
  }

  HttpResponse<String> get(String path, String accept) {
    return send(authorised(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET()).build());
  }

  HttpResponse<String> postJson(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(authorised(request).build());
  }

  HttpResponse<String> putJson(String path, String body) {
    return send(authorised(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body))).build());
  }

  HttpResponse<String> delete(String path) {
    return send(authorised(HttpRequest.newBuilder(uri(path)).DELETE()).build());
  }

  /** Adds the bearer token, if this view has one. */
  HttpRequest.Builder authorised(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  HttpResponse<String> postJson(String path, String body) {
    return postJson(path, body, Map.of());
  }


  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }

  /** A minimal valid VC 2.0 issue request for this server's issuer. */
  String issueRequest(String subjectName) {
    return """
        {"credential": {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          "type": ["VerifiableCredential"],
          "issuer": "%s",
          "validFrom": "2026-01-01T00:00:00Z",
          "credentialSubject": {"id": "did:example:learner-1", "name": "%s"}
        }, "options": {}}"""
        .formatted(issuerDid(), subjectName);
  }

  /** The status of the named check in a verification report. */
  static String status(JsonNode report, String check) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("check").asText().equals(check)) {
        return c.get("status").asText();
      }
    }
    throw new AssertionError("no check " + check + " in " + report);
  }

  static String verifyRequest(JsonNode verifiableCredential) {
    return "{\"verifiableCredential\": " + Json.writeString(verifiableCredential) + "}";
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
