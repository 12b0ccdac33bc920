package org.saypro.dcop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.ledger.LocalDevChain;
import org.saypro.dcop.ledger.Web3jAnchorLedger;

/** What the anchoring integration tests share: issuing, the outbox rows, and raw JSON-RPC questions to the chain. */
final class AnchoringSupport {

  private AnchoringSupport() {}

  /** One {@code log_anchor} row. */
  record AnchorRow(long treeSize, Hash root, String status, String txHash, Long blockNumber, int attempts,
                   String lastError) {}

  /** Server properties anchoring on {@code chain} with dev account 0, as AnchoringIT configures them. */
  static Map<String, Object> ledgerProperties(LocalDevChain chain, String anchorInterval, int batchSize) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("dcop.ledger.rpc-url", chain.rpcUrl());
    properties.put("dcop.ledger.chain-id", chain.chainId());
    properties.put("dcop.ledger.private-key", chain.devPrivateKey(0));
    properties.put("dcop.ledger.confirmations", 1);
    properties.put("dcop.anchor.interval", anchorInterval);
    // retries back off from the interval, doubling; a short cap keeps recovery after an outage quick in tests
    properties.put("dcop.anchor.retry-max", "2s");
    properties.put("dcop.log.sequence-interval", "100ms");
    properties.put("dcop.log.batch-size", batchSize);
    return properties;
  }

  /** Issues one credential; returns its path, {@code /credentials/<uuid>}. */
  static String issue(TestServer server, String subjectName) {
    HttpResponse<String> issued = server.postJson("/credentials/issue", server.issueRequest(subjectName));
    assertEquals(201, issued.statusCode(), issued.body());
    String location = issued.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/credentials/"));
  }

  /** Polls {@code <path>/proof} until its anchor is "anchored"; returns the anchor object. */
  static JsonNode awaitAnchored(TestServer server, String path, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode proof = TestServer.json(server.get(path + "/proof", "application/json"));
      if (proof.path("anchor").path("status").asText().equals("anchored")) {
        return proof.get("anchor");
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("not anchored in " + timeout + ": " + path + " " + proof);
      }
      Thread.sleep(100);
    }
  }

  /** Polls {@code condition} every 100 ms until it holds. */
  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  static List<AnchorRow> anchorRows(TestServer server) {
    try (Connection sql = server.sql();
        ResultSet r = sql.createStatement().executeQuery(
            "select tree_size, root_hash, status, tx_hash, block_number, attempts, last_error from log_anchor"
                + " order by tree_size")) {
      List<AnchorRow> rows = new ArrayList<>();
      while (r.next()) {
        long block = r.getLong(5);
        Long blockNumber = r.wasNull() ? null : block;
        rows.add(new AnchorRow(r.getLong(1), new Hash(r.getBytes(2)), r.getString(3), r.getString(4), blockNumber,
            r.getInt(6), r.getString(7)));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<AnchorRow> confirmedRows(TestServer server) {
    return anchorRows(server).stream().filter(row -> row.status().equals("confirmed")).toList();
  }

  /** The newest confirmed tree size, 0 when none. */
  static long newestConfirmedSize(TestServer server) {
    return confirmedRows(server).stream().mapToLong(AnchorRow::treeSize).max().orElse(0);
  }

  static long queryLong(TestServer server, String query) {
    try (Connection sql = server.sql(); ResultSet r = sql.createStatement().executeQuery(query)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The newest checkpoint (size and root) in {@code log_checkpoint}. */
  static Map.Entry<Long, Hash> newestCheckpoint(TestServer server) {
    try (Connection sql = server.sql();
        ResultSet r = sql.createStatement().executeQuery(
            "select tree_size, root_hash from log_checkpoint order by tree_size desc limit 1")) {
      if (!r.next()) {
        throw new AssertionError("no checkpoint yet");
      }
      return Map.entry(r.getLong(1), new Hash(r.getBytes(2)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes an outbox row directly, as the worker would have before a crash. */
  static void insertAnchorRow(TestServer server, long treeSize, Hash root, String status) {
    try (Connection sql = server.sql();
        PreparedStatement insert =
            sql.prepareStatement("insert into log_anchor (tree_size, root_hash, status) values (?, ?, ?)")) {
      insert.setLong(1, treeSize);
      insert.setBytes(2, root.bytes());
      insert.setString(3, status);
      assertEquals(1, insert.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CheckpointAnchor address the server deployed and remembered in its data directory. */
  static String contractAddress(Path dataDir, long chainId) {
    try {
      return Files.readString(dataDir.resolve("ledger").resolve("contract-" + chainId)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------- raw JSON-RPC to the chain

  static JsonNode rpc(LocalDevChain chain, String method, String paramsJson) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    HttpResponse<String> response =
        TestServer.send(HttpRequest.newBuilder(URI.create(chain.rpcUrl()))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    JsonNode answer = Json.parse(response.body());
    if (answer.has("error")) {
      throw new AssertionError(method + " failed: " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** How many transactions {@code address} has had mined: every transaction it ever sent, reverted ones included. */
  static long transactionCount(LocalDevChain chain, String address) {
    return hexLong(rpc(chain, "eth_getTransactionCount", "[\"" + address + "\", \"latest\"]").asText());
  }

  /** The Anchored events the contract logged, for one tree size, or for all when {@code treeSize} is null. */
  static List<JsonNode> anchoredEvents(LocalDevChain chain, String contract, Long treeSize) {
    String sizeTopic =
        treeSize == null ? "null" : "\"0x" + String.format("%064x", BigInteger.valueOf(treeSize)) + "\"";
    JsonNode logs = rpc(chain, "eth_getLogs",
        "[{\"address\":\"" + contract + "\",\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"topics\":[\""
            + Web3jAnchorLedger.ANCHORED_TOPIC + "\"," + sizeTopic + "]}]");
    List<JsonNode> events = new ArrayList<>();
    logs.forEach(events::add);
    return events;
  }

  static long eventTreeSize(JsonNode event) {
    return new BigInteger(event.get("topics").get(1).asText().substring(2), 16).longValueExact();
  }

  static long hexLong(String hex) {
    return new BigInteger(hex.substring(2), 16).longValueExact();
  }
}
