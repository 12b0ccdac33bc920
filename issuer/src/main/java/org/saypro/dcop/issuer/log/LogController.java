package org.saypro.dcop.issuer.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.anchor.AnchorCheckpoints;
import org.saypro.dcop.core.anchor.LogEvidenceJson;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.log.Hash;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The transparency log's public API: the signed checkpoint and proofs, for anyone to check. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Transparency log")
class LogController {

  private final LogProofs proofs;
  private final LogSequencer sequencer;
  private final Optional<AnchorCheckpoints> ledger;

  LogController(LogProofs proofs, LogSequencer sequencer, Optional<AnchorCheckpoints> ledger) {
    this.proofs = proofs;
    this.sequencer = sequencer;
    this.ledger = ledger;
  }

  @Get(uri = "/log/verifier-key", produces = MediaType.TEXT_PLAIN)
  @Operation(summary = "The note verifier key that signs checkpoints (C2SP vkey: name+keyid+base64 Ed25519 key)")
  HttpResponse<String> verifierKey() {
    return HttpResponse.ok(sequencer.verifierKey()).contentType("text/plain; charset=utf-8");
  }

  @Get(uri = "/log/checkpoint", produces = MediaType.TEXT_PLAIN)
  @Operation(summary = "The newest signed checkpoint (C2SP signed-note format: origin, size, base64 root, signature)")
  HttpResponse<String> checkpoint() {
    return proofs
        .latestCheckpoint()
        .map(c -> HttpResponse.ok(c.signedNote()).contentType("text/plain; charset=utf-8"))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "the log has no entries yet"));
  }

  @Get(uri = "/log/proof/inclusion", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Inclusion proof (RFC 9162) of a leaf hash in the tree of the given size")
  HttpResponse<String> inclusion(@Nullable @QueryValue String leaf, @Nullable @QueryValue String size) {
    Hash leafHash = hash("leaf", leaf);
    long treeSize = size("size", size, 1);
    LogProofs.Inclusion inclusion =
        proofs
            .inclusion(leafHash, treeSize)
            .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no such leaf in the tree of size " + treeSize));
    ObjectNode json = Json.newObject().put("leafIndex", inclusion.leafIndex()).put("treeSize", inclusion.treeSize());
    hexes(json.putArray("inclusionPath"), inclusion.path());
    return HttpResponse.ok(Json.writeString(json));
  }

  @Get(uri = "/log/proof/consistency", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Consistency proof (RFC 9162) between two tree sizes")
  HttpResponse<String> consistency(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
    long first = size("from", from, 1);
    long second = size("to", to, first);
    ObjectNode json = Json.newObject().put("from", first).put("to", second);
    hexes(json.putArray("consistencyPath"), proofs.consistency(first, second));
    return HttpResponse.ok(Json.writeString(json));
  }

  @Get(uri = "/log/evidence", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "What the log knows of an entry, for verifiers elsewhere",
      description = "By the SHA-256 of a credential's secured form (the compact vc+jwt, or the JSON with its proof):"
          + " pending, integrated with its leaf index, or anchored with the inclusion proof at the first anchored size"
          + " that covers it and the consistency proof from there to the newest checkpoint. Verifiers check every"
          + " proof against the root the ledger holds.")
  HttpResponse<String> evidence(@Nullable @QueryValue String data) {
    Hash securedFormSha256 = hash("data", data);
    return proofs
        .find(securedFormSha256.bytes())
        .map(evidence -> HttpResponse.ok(Json.writeString(LogEvidenceJson.write(evidence))))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "the log has no entry committing to this hash"));
  }

  @Get(uri = "/credentials/{uuid}/proof", produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Where an issued credential stands in the log: leaf index, inclusion proof and checkpoint")
  HttpResponse<String> credentialProof(String uuid) {
    UUID id;
    try {
      id = UUID.fromString(uuid);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no credential has this identifier");
    }
    LogProofs.CredentialEntry entry =
        proofs.forCredential(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no credential has this identifier"));
    ObjectNode json = Json.newObject();
    ObjectNode anchor = Json.newObject();
    if (entry instanceof LogProofs.CredentialEntry.Integrated integrated) {
      json.put("status", "integrated");
      json.put("leafIndex", integrated.inclusion().leafIndex());
      json.put("treeSize", integrated.inclusion().treeSize());
      hexes(json.putArray("inclusionPath"), integrated.inclusion().path());
      json.put("checkpoint", integrated.signedCheckpoint());
      anchor = anchorJson(integrated.inclusion().leafIndex());
    } else {
      json.put("status", "pending");
      json.put("detail", "issued and recorded; the sequencer has not yet integrated it into the tree");
      anchor.put("status", "pending").put("detail", "not yet in a checkpoint");
    }
    json.set("anchor", anchor);
    return HttpResponse.ok(Json.writeString(json));
  }

  private ObjectNode anchorJson(long leafIndex) {
    ObjectNode anchor = Json.newObject();
    if (ledger.isEmpty()) {
      return anchor.put("status", "off")
          .put("detail", "no ledger is configured: set DCOP_LEDGER_RPC_URL, or install Node for the local chain");
    }
    Optional<AnchorStore.Row> covering = proofs.anchorCovering(leafIndex);
    if (covering.isEmpty()) {
      return anchor.put("status", "pending").put("detail", "in the log; the next anchor will cover it")
          .put("ledger", ledger.get().ledger());
    }
    AnchorStore.Row row = covering.get();
    return anchor.put("status", "anchored").put("treeSize", row.treeSize()).put("root", row.root().hex())
        .put("transactionHash", row.txHash()).put("blockNumber", row.blockNumber())
        .put("blockTime", String.valueOf(row.blockTime())).put("ledger", ledger.get().ledger());
  }

  private static void hexes(ArrayNode array, List<Hash> hashes) {
    hashes.forEach(h -> array.add(h.hex()));
  }

  private static Hash hash(String name, String value) {
    if (value == null || !value.matches("[0-9a-fA-F]{64}")) {
      throw invalid(name, "must be 64 hexadecimal characters (a SHA-256 hash)");
    }
    return Hash.fromHex(value.toLowerCase(java.util.Locale.ROOT));
  }

  private long size(String name, String value, long minimum) {
    long size;
    try {
      size = Long.parseLong(Optional.ofNullable(value).orElse(""));
    } catch (NumberFormatException e) {
      throw invalid(name, "must be a whole number");
    }
    long current = proofs.size();
    if (size < minimum || size > current) {
      throw invalid(name, "must be between " + minimum + " and the current tree size " + current);
    }
    return size;
  }

  private static ProblemException invalid(String name, String message) {
    return new ProblemException(
        ProblemType.INVALID_REQUEST, name + " " + message, List.of(new FieldError("?" + name, message)));
  }
}
