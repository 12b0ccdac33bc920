package org.saypro.dcop.app;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's view of the web pages without a browser: the session cookie, forms and their tokens. */
final class PageSession {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

  private final TestServer server;
  private final String cookie; // "dcop_session=…", or null for a visitor who is not signed in

  private PageSession(TestServer server, String cookie) {
    this.server = server;
    this.cookie = cookie;
  }

  static PageSession visitor(TestServer server) {
    return new PageSession(server, null);
  }

  /** Signs in through the sign-in form; fails the test when that does not give a session. */
  static PageSession signIn(TestServer server, String email, String password) {
    HttpResponse<String> response = visitor(server).postForm("/signin",
        Map.of("username", email, "password", password, "next", "/console"));
    if (response.statusCode() != 303) {
      throw new AssertionError("sign-in as " + email + " failed: " + response.statusCode());
    }
    return new PageSession(server, sessionCookie(response).orElseThrow(() -> new AssertionError("no session cookie")));
  }

  /** The Set-Cookie header that opens or closes the session. */
  static Optional<String> setCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dcop_session=")).findFirst();
  }

  private static Optional<String> sessionCookie(HttpResponse<?> response) {
    return setCookie(response).map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
  }

  HttpResponse<String> get(String path) {
    return get(path, "text/html");
  }

  /** A GET with another Accept header: a download link, which a browser follows accepting any type. */
  HttpResponse<String> get(String path, String accept) {
    return TestServer.send(withCookie(HttpRequest.newBuilder(server.uri(path)).header("Accept", accept).GET())
        .build());
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return TestServer.send(withCookie(HttpRequest.newBuilder(server.uri(path)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))).build());
  }

  HttpResponse<String> postFile(String path, Map<String, String> fields, String fileName, byte[] file) {
    return postFile(path, fields, fileName, "text/csv", file);
  }

  /** A multipart form with the fields and one file in the part named "file". */
  HttpResponse<String> postFile(String path, Map<String, String> fields, String fileName, String type, byte[] file) {
    return TestServer.send(withCookie(multipart(HttpRequest.newBuilder(server.uri(path)), fields, fileName, type,
        file).header("Accept", "text/html")).build());
  }

  /** Makes the request a multipart POST of the fields and one file in the part named "file". */
  static HttpRequest.Builder multipart(HttpRequest.Builder request, Map<String, String> fields, String fileName,
      String type, byte[] file) {
    String boundary = "----dcop" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName).append("\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** The form token of a page's forms (every form of a page carries the same one). */
  String formToken(String path) {
    HttpResponse<String> page = get(path);
    Matcher matcher = FORM_TOKEN.matcher(page.body());
    if (page.statusCode() != 200 || !matcher.find()) {
      throw new AssertionError("no form token on " + path + ": " + page.statusCode());
    }
    return matcher.group(1);
  }

  private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return request;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
