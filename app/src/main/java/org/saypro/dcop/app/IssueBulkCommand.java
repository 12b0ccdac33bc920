package org.saypro.dcop.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.saypro.dcop.core.json.Json;

/**
 * {@code dcop issue-bulk FILE --qualification ORG/CODE}: checks the whole file on the server first and prints every
 * bad row; then sends the rows in chunks, with a progress bar, and prints a summary. Every row is idempotent on the
 * server, so running the command again after an interruption finishes the file without issuing anything twice.
 */
final class IssueBulkCommand {

  private static final String USAGE = """
      usage: dcop issue-bulk FILE --qualification ORG/CODE [--server URL] [--token TOKEN] [--valid-rows-only]
                             [--chunk ROWS]
        FILE               CSV with a header: did or email, optional name and valid_from
        --qualification    the organisation's slug and the qualification's code, e.g. saypro/ECD-5
        --server           the DCoP server (default: DCOP_PUBLIC_URL, else http://localhost:8080)
        --token            a bearer token of an officer (default: DCOP_TOKEN)
        --valid-rows-only  issue the valid rows even when others are bad (they are reported)
        --chunk            rows per request (default 250)""";

  private final PrintStream out;
  private final PrintStream err;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  IssueBulkCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The exit status: 0 all issued, 1 rows failed or were refused, 2 bad usage or the server unreachable. */
  int run(List<String> args, Map<String, String> environment) {
    Options options;
    try {
      options = Options.parse(args, environment);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
    try {
      byte[] file = Files.readAllBytes(options.file());
      URI endpoint = URI.create(options.server() + "/organisations/" + options.qualification() + "/bulk");
      JsonNode check = post(endpoint, "validate", file, options.token());
      long rows = check.path("rows").asLong();
      long valid = check.path("validRows").asLong();
      for (JsonNode error : check.path("errors")) {
        err.println("line " + error.get("line").asLong() + (error.get("column").asText().isEmpty() ? ""
            : ", column " + error.get("column").asText()) + ": " + error.get("reason").asText());
      }
      out.println(rows + " rows, " + valid + " valid, " + check.path("errors").size() + " problem(s)");
      if (check.path("errors").size() > 0 && !options.validRowsOnly()) {
        err.println("nothing issued: fix the rows above, or run again with --valid-rows-only");
        return 1;
      }
      return issueInChunks(endpoint, new String(file, StandardCharsets.UTF_8), options, valid);
    } catch (IOException e) {
      err.println("cannot read " + options.file() + " or reach " + options.server() + ": " + e.getMessage());
      return 2;
    } catch (ServerRefused e) {
      err.println(e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted: run the same command again to finish");
      return 2;
    }
  }

  private int issueInChunks(URI endpoint, String text, Options options, long valid)
      throws IOException, InterruptedException {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .get();
    long issued = 0;
    long already = 0;
    long failed = 0;
    long done = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = parser.getHeaderNames();
      List<CSVRecord> chunk = new ArrayList<>(options.chunk());
      var records = parser.iterator();
      while (records.hasNext() || !chunk.isEmpty()) {
        if (records.hasNext() && chunk.size() < options.chunk()) {
          chunk.add(records.next());
          continue;
        }
        JsonNode report = post(endpoint, options.validRowsOnly() ? "issue-valid" : "issue",
            print(header, chunk).getBytes(StandardCharsets.UTF_8), options.token());
        issued += report.path("issued").asLong();
        already += report.path("alreadyIssued").asLong();
        failed += report.path("failed").asLong();
        for (JsonNode row : report.path("results")) {
          if (row.has("error")) {
            err.println("\nrow " + (done + row.get("line").asLong() - 1) + " of the file: " + row.get("error").asText());
          }
        }
        done += chunk.size();
        progress(Math.min(done, Math.max(valid, 1)), Math.max(valid, 1));
        chunk.clear();
      }
    }
    err.println();
    out.println("issued " + issued + ", already issued " + already + ", failed " + failed);
    return failed > 0 ? 1 : 0;
  }

  private void progress(long done, long total) {
    int width = 30;
    int filled = (int) (width * done / total);
    err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " rows");
    err.flush();
  }

  private static String print(List<String> header, List<CSVRecord> records) throws IOException {
    StringWriter text = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
      printer.printRecord(header);
      for (CSVRecord record : records) {
        printer.printRecord(record.toList());
      }
    }
    return text.toString();
  }

  private JsonNode post(URI endpoint, String mode, byte[] csv, Optional<String> token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "?mode=" + mode))
        .timeout(Duration.ofMinutes(30)).header("Content-Type", "text/csv").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(csv));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      JsonNode problem = Json.parse(response.body());
      throw new ServerRefused("the server refused (" + response.statusCode() + "): "
          + problem.path("detail").asText(problem.path("title").asText(response.body())));
    }
    return Json.parse(response.body());
  }

  private static final class ServerRefused extends RuntimeException {
    ServerRefused(String message) {
      super(message, null, false, false);
    }
  }

  private record Options(
      Path file, String qualification, String server, Optional<String> token, boolean validRowsOnly, int chunk) {

    static Options parse(List<String> args, Map<String, String> environment) {
      Path file = null;
      String qualification = null;
      String server = environment.getOrDefault("DCOP_PUBLIC_URL", "http://localhost:8080");
      Optional<String> token = Optional.ofNullable(environment.get("DCOP_TOKEN"));
      boolean validRowsOnly = false;
      int chunk = 250;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--qualification" -> qualification = value(args, ++i, arg);
          case "--server" -> server = value(args, ++i, arg);
          case "--token" -> token = Optional.of(value(args, ++i, arg));
          case "--valid-rows-only" -> validRowsOnly = true;
          case "--chunk" -> {
            try {
              chunk = Integer.parseInt(value(args, ++i, arg));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--chunk takes a number of rows");
            }
          }
          default -> {
            if (arg.startsWith("--") || file != null) {
              throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            file = Path.of(arg);
          }
        }
      }
      if (file == null) {
        throw new IllegalArgumentException("name the CSV file");
      }
      if (qualification == null || !qualification.matches("[a-z0-9-]{1,40}/[A-Za-z0-9._-]{1,40}")) {
        throw new IllegalArgumentException("--qualification ORG/CODE is required, e.g. saypro/ECD-5");
      }
      if (chunk < 1 || chunk > 10_000) {
        throw new IllegalArgumentException("--chunk is between 1 and 10000 rows");
      }
      String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
      String[] parts = qualification.split("/");
      return new Options(file, parts[0] + "/qualifications/" + parts[1], base, token, validRowsOnly, chunk);
    }

    private static String value(List<String> args, int i, String option) {
      if (i >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args.get(i);
    }
  }
}
