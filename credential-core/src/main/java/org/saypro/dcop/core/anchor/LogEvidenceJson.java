package org.saypro.dcop.core.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.saypro.dcop.core.anchor.HostedLogEvidence.Anchored;
import org.saypro.dcop.core.anchor.HostedLogEvidence.Evidence;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.log.Hash;

/**
 * The wire form of {@link Evidence}, served by a log at {@code /log/evidence} and read by verifiers of other
 * deployments. Reading is strict, since the document comes from elsewhere: every proof is then checked by the
 * verifier against the ledger, so the document itself needs no trust, only well-formedness.
 */
public final class LogEvidenceJson {

  /** More hashes than a proof in a tree of 2^64 leaves can have. */
  private static final int MAX_PATH = 64;

  private LogEvidenceJson() {}

  public static ObjectNode write(Evidence evidence) {
    ObjectNode json = Json.newObject();
    if (evidence.leafIndex().isEmpty()) {
      return json.put("status", "pending");
    }
    json.put("leafIndex", evidence.leafIndex().getAsLong());
    if (evidence.anchored().isEmpty()) {
      return json.put("status", "integrated");
    }
    Anchored a = evidence.anchored().get();
    json.put("status", "anchored");
    ObjectNode anchor = json.putObject("anchor");
    anchor.put("treeSize", a.anchoredSize()).put("root", a.anchoredRoot().hex()).put("transactionHash",
        a.transactionHash()).put("blockNumber", a.blockNumber()).put("blockTime", a.blockTime());
    hexes(anchor.putArray("inclusionPath"), a.inclusionPath());
    anchor.put("newestSize", a.newestSize()).put("newestRoot", a.newestRoot().hex());
    hexes(anchor.putArray("consistencyPath"), a.consistencyPath());
    return json;
  }

  /** @throws IllegalArgumentException naming what is malformed */
  public static Evidence read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("log evidence is not a JSON object");
    }
    String status = json.path("status").asText("");
    if (status.equals("pending")) {
      return new Evidence(OptionalLong.empty(), Optional.empty());
    }
    long leafIndex = size(json, "leafIndex", 0);
    if (status.equals("integrated")) {
      return new Evidence(OptionalLong.of(leafIndex), Optional.empty());
    }
    if (!status.equals("anchored")) {
      throw new IllegalArgumentException("log evidence status is not pending, integrated or anchored");
    }
    JsonNode a = json.path("anchor");
    long anchoredSize = size(a, "treeSize", leafIndex + 1);
    long newestSize = size(a, "newestSize", anchoredSize);
    JsonNode block = a.path("blockNumber");
    if (!block.canConvertToLong() || block.asLong() < 0) {
      throw new IllegalArgumentException("anchor.blockNumber is not a block number");
    }
    return new Evidence(
        OptionalLong.of(leafIndex),
        Optional.of(
            new Anchored(
                anchoredSize, hash(a, "root"), text(a, "transactionHash"), block.asLong(), text(a, "blockTime"),
                path(a, "inclusionPath"), newestSize, hash(a, "newestRoot"), path(a, "consistencyPath"))));
  }

  private static long size(JsonNode node, String field, long minimum) {
    JsonNode value = node.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < minimum) {
      throw new IllegalArgumentException(field + " is not a whole number of at least " + minimum);
    }
    return value.asLong();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.textValue().length() > 200) {
      throw new IllegalArgumentException("anchor." + field + " is not a short text");
    }
    return value.textValue();
  }

  private static Hash hash(JsonNode node, String field) {
    String hex = node.path(field).asText("");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("anchor." + field + " is not 64 lowercase hexadecimal digits");
    }
    return Hash.fromHex(hex);
  }

  private static List<Hash> path(JsonNode node, String field) {
    JsonNode array = node.path(field);
    if (!array.isArray() || array.size() > MAX_PATH) {
      throw new IllegalArgumentException("anchor." + field + " is not a list of at most " + MAX_PATH + " hashes");
    }
    List<Hash> hashes = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      String hex = item.asText("");
      if (!item.isTextual() || !hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("anchor." + field + " holds something that is not a hash");
      }
      hashes.add(Hash.fromHex(hex));
    }
    return hashes;
  }

  private static void hexes(ArrayNode array, List<Hash> hashes) {
    hashes.forEach(h -> array.add(h.hex()));
  }
}
