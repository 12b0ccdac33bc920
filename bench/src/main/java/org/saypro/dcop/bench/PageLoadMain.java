package org.saypro.dcop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the public pages of a running server over loopback (bench/pages.sh starts one): the credential page
 * {@code /c/<uuid>}, the verify page with a pasted credential, and the VC API verify endpoint, each for a fixed time
 * with N concurrent clients, beside {@code GET /health} measured the same way in the same run (the server's cheapest
 * round trip: the floor every page stands on). Prints p50, p99 and requests/s of each, the ratios of the pages' p50
 * to the floor's, and the page weight (HTML and QR code, what a phone downloads).
 *
 * <p>Arguments: {@code --base=URL --email=E --password=P [--clients=8] [--seconds=10] [--warmup=3]}.
 */
public final class PageLoadMain {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PageLoadMain() {}

  record Figures(String name, int requests, double seconds, long[] sortedMicros) {
    double perSecond() {
      return requests / seconds;
    }

    double percentile(double p) {
      return sortedMicros[Math.min(sortedMicros.length - 1, (int) Math.ceil(p * sortedMicros.length) - 1)] / 1000.0;
    }
  }

  public static void main(String[] args) throws Exception {
    String base = option(args, "base", null);
    String email = option(args, "email", null);
    String password = option(args, "password", null);
    if (base == null || email == null || password == null) {
      System.err.println("usage: PageLoadMain --base=URL --email=E --password=P [--clients=8] [--seconds=10]"
          + " [--warmup=3]");
      System.exit(2);
    }
    int clients = Integer.parseInt(option(args, "clients", "8"));
    int seconds = Integer.parseInt(option(args, "seconds", "10"));
    int warmup = Integer.parseInt(option(args, "warmup", "3"));

    String token = field(post(base + "/login", "application/json",
        "{\"username\": \"" + email + "\", \"password\": \"" + password + "\"}", null), "access_token");
    String code = "BENCH-" + System.currentTimeMillis();
    post(base + "/organisations/saypro/qualifications", "application/json", "{\"code\": \"" + code + "\", \"title\":"
        + " \"Higher Certificate in Early Childhood Development\", \"description\": \"A year-long programme for early"
        + " childhood development practitioners.\", \"criteria\": \"Complete all modules and a supervised practicum"
        + " of 240 hours.\", \"achievementType\": \"Certificate\", \"credits\": 120, \"validityMonths\": 36, \"level\":"
        + " {\"framework\": \"South African NQF\", \"level\": \"5\", \"url\": \"https://www.saqa.org.za/nqf-levels\"}}",
        token);
    HttpResponse<String> awarded = post(base + "/organisations/saypro/qualifications/" + code + "/awards",
        "application/json", "{\"learner\": {\"email\": \"bench@example.org\", \"name\": \"Thandiwe Mokoena\"}}",
        token);
    String location = awarded.headers().firstValue("Location").orElseThrow();
    String uuid = location.substring(location.lastIndexOf('/') + 1);
    String jwt = get(base + "/credentials/" + uuid, "application/vc+jwt").body();
    String page = base + "/c/" + uuid;
    int html = get(page, "text/html").body().getBytes(StandardCharsets.UTF_8).length;
    int qr = get(page + "/qr.svg", "image/svg+xml").body().getBytes(StandardCharsets.UTF_8).length;
    String boundary = "----bench";
    String verifyForm = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"credential\"\r\n\r\n" + jwt
        + "\r\n--" + boundary + "--\r\n";
    String verifyJson = "{\"verifiableCredential\": \"" + jwt + "\"}";

    String dashboard = base + "/impact/frameworks/" + impactFramework(base, token);
    int dashboardHtml = get(dashboard, "text/html", token).body().getBytes(StandardCharsets.UTF_8).length;
    // what a phone downloads: browsers ask for gzip, and the server compresses text responses
    int dashboardGzip = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard)).header("Accept", "text/html")
        .header("Accept-Encoding", "gzip").header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray()).body().length;

    List<Figures> all = new ArrayList<>();
    all.add(load("GET /health (floor)", clients, warmup, seconds,
        () -> HttpRequest.newBuilder(URI.create(base + "/health")).GET().build()));
    all.add(load("GET /c/<uuid> (page)", clients, warmup, seconds,
        () -> HttpRequest.newBuilder(URI.create(page)).header("Accept", "text/html").GET().build()));
    all.add(load("POST /verify (pasted JWT)", clients, warmup, seconds,
        () -> HttpRequest.newBuilder(URI.create(base + "/verify")).header("Accept", "text/html")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(verifyForm)).build()));
    all.add(load("POST /credentials/verify (API)", clients, warmup, seconds,
        () -> HttpRequest.newBuilder(URI.create(base + "/credentials/verify"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(verifyJson)).build()));
    all.add(load("GET /impact dashboard (12 ind.)", clients, warmup, seconds,
        () -> HttpRequest.newBuilder(URI.create(dashboard)).header("Accept", "text/html")
            .header("Authorization", "Bearer " + token).GET().build()));

    double floor = all.get(0).percentile(0.50);
    System.out.printf(Locale.ROOT, "%d concurrent clients, %d s per endpoint after %d s of warm-up, on %s (%d CPUs)%n",
        clients, seconds, warmup, base, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-32s %10s %10s %10s %12s%n", "endpoint", "req/s", "p50 ms", "p99 ms",
        "p50/floor");
    for (Figures f : all) {
      System.out.printf(Locale.ROOT, "%-32s %10.0f %10.2f %10.2f %12.1f%n", f.name(), f.perSecond(),
          f.percentile(0.50), f.percentile(0.99), f.percentile(0.50) / floor);
    }
    System.out.printf(Locale.ROOT, "page weight: %d bytes HTML + %d bytes QR SVG = %.1f KB (limit 60 KB)%n", html, qr,
        (html + qr) / 1024.0);
    System.out.printf(Locale.ROOT, "impact dashboard: %d bytes HTML with its SVG charts = %.1f KB (limit 100 KB);"
        + " %.1f KB sent gzip-compressed%n", dashboardHtml, dashboardHtml / 1024.0, dashboardGzip / 1024.0);
  }

  /**
   * A results framework of the size a dashboard page shows at most (12 indicators, a third of them percentages), each
   * with a target and a value for 8 quarters at the national unit, made through the API; returns its id.
   */
  private static String impactFramework(String base, String token) throws Exception {
    String api = base + "/community/impact/frameworks";
    String id = field(post(api, "application/json", "{\"title\": \"Skills for work (bench)\"}", token), "id");
    String impact = field(post(api + "/" + id + "/results", "application/json",
        "{\"level\": \"impact\", \"title\": \"Young people find decent work\"}", token), "id");
    String outcome = field(post(api + "/" + id + "/results", "application/json", "{\"level\": \"outcome\","
        + " \"title\": \"Graduates hold recognised credentials\", \"parentId\": \"" + impact + "\"}", token), "id");
    String output = field(post(api + "/" + id + "/results", "application/json", "{\"level\": \"output\","
        + " \"title\": \"Learners supported into work\", \"parentId\": \"" + outcome + "\"}", token), "id");
    String[] quarters = {"2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"};
    StringBuilder csv = new StringBuilder("indicator,period,org_unit,category,value\n");
    String prefix = "B" + (System.currentTimeMillis() % 1_000_000);
    for (int i = 0; i < 12; i++) {
      boolean percentage = i % 3 == 2;
      String code = prefix + "-" + i;
      post(api + "/" + id + "/indicators", "application/json", "{\"resultId\": \"" + output + "\", \"code\": \""
          + code + "\", \"name\": \"Indicator " + i + " of the skills programme\", \"measure\": \""
          + (percentage ? "percentage\"" : "unit\", \"unit\": \"learners\"") + ", \"aggregation\": \""
          + (percentage ? "average" : "sum") + "\", \"direction\": \"ascending\"}", token);
      for (int q = 0; q < quarters.length; q++) {
        csv.append(code).append(',').append(quarters[q]).append(",za,total,")
            .append(percentage ? 40 + q * 5 : 100 + q * 17 + i).append('\n');
        send(HttpRequest.newBuilder(URI.create(api + "/" + id + "/targets")).header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString("{\"indicator\": \""
                + code + "\", \"period\": \"" + quarters[q] + "\", \"value\": " + (percentage ? 75 : 150 + q * 10)
                + "}")).build());
      }
    }
    post(api + "/" + id + "/values/import", "text/csv", csv.toString(), token);
    return id;
  }

  private static Figures load(String name, int clients, int warmup, int seconds, Supplier<HttpRequest> request)
      throws Exception {
    run(clients, warmup, request);
    List<long[]> perClient = run(clients, seconds, request);
    long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Figures(name, all.length, seconds, all);
  }

  /** Each client sends requests back to back for the given time; returns each client's latencies in microseconds. */
  private static List<long[]> run(int clients, int seconds, Supplier<HttpRequest> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<long[]>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        long[] latencies = new long[1024];
        int n = 0;
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          HttpResponse<byte[]> response = HTTP.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
          long micros = (System.nanoTime() - start) / 1000;
          if (response.statusCode() != 200) {
            throw new IllegalStateException(request.get().uri() + " answered " + response.statusCode());
          }
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = micros;
        }
        return Arrays.copyOf(latencies, n);
      }));
    }
    List<long[]> results = new ArrayList<>();
    for (Future<long[]> future : futures) {
      results.add(future.get());
    }
    pool.shutdown();
    return results;
  }

  private static HttpResponse<String> post(String url, String type, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static HttpResponse<String> get(String url, String accept) throws Exception {
    return get(url, accept, null);
  }

  private static HttpResponse<String> get(String url, String accept, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private static String field(HttpResponse<String> response, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    if (!matcher.find()) {
      throw new IllegalStateException("no " + name + " in " + response.body());
    }
    return matcher.group(1);
  }

  private static String option(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith("--" + name + "=")) {
        return arg.substring(name.length() + 3);
      }
    }
    return fallback;
  }
}
