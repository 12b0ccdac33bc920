package org.saypro.dcop.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saypro.dcop.ledger.testing.NodeTooling;
import org.web3j.crypto.Hash;

/**
 * The committed ABI and bytecode are what the pinned solc makes of CheckpointAnchor.sol today: a change to the source
 * or the compiler settings without {@code npm run compile} fails here.
 */
class ContractArtifactsTest {

  @Test
  void committedArtifactsMatchAFreshCompilation(@TempDir Path out) throws Exception {
    Path module = NodeTooling.ensureInstalled();
    NodeTooling.run(
        module, List.of("node", "contracts/compile.mjs", "--out", out.toAbsolutePath().toString()), 300);

    Path committed = module.resolve("src/main/resources/contracts");
    for (String name : List.of("CheckpointAnchor.abi.json", "CheckpointAnchor.bin")) {
      assertEquals(
          Files.readString(out.resolve(name), StandardCharsets.UTF_8),
          Files.readString(committed.resolve(name), StandardCharsets.UTF_8),
          name + " is stale: run `npm run compile` in ledger-adapter and commit the result");
    }
    // What the classpath carries is the committed file.
    assertEquals(
        "0x" + Files.readString(committed.resolve("CheckpointAnchor.bin"), StandardCharsets.UTF_8).strip(),
        ContractArtifacts.creationBytecode());
  }

  @Test
  void abiHasTheFunctionsAndEventTheAdapterEncodes() throws Exception {
    JsonNode abi = new ObjectMapper().readTree(ContractArtifacts.abiJson());
    Set<String> functions = new HashSet<>();
    String anchoredSignature = null;
    for (JsonNode entry : abi) {
      List<String> types = new ArrayList<>();
      entry.path("inputs").forEach(input -> types.add(input.get("type").asText()));
      String signature = entry.path("name").asText() + "(" + String.join(",", types) + ")";
      if ("function".equals(entry.get("type").asText())) {
        functions.add(signature);
      } else if ("event".equals(entry.get("type").asText()) && "Anchored".equals(entry.get("name").asText())) {
        anchoredSignature = signature;
        assertTrue(entry.get("inputs").get(0).get("indexed").asBoolean(), "treeSize is indexed");
      }
    }
    assertTrue(functions.containsAll(Set.of("anchor(uint64,bytes32)", "rootOf(uint64)", "latestSize()", "owner()")),
        functions.toString());
    assertEquals("Anchored(uint64,bytes32,uint256)", anchoredSignature);
    assertEquals(Hash.sha3String(anchoredSignature), Web3jAnchorLedger.ANCHORED_TOPIC);
  }
}
