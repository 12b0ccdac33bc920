package org.saypro.dcop.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The compiled {@code CheckpointAnchor} contract on the classpath ({@code contracts/CheckpointAnchor.abi.json} and
 * {@code .bin}), produced by {@code ledger-adapter/contracts/compile.mjs} with the pinned solc.
 */
public final class ContractArtifacts {

  public static final String ABI_RESOURCE = "contracts/CheckpointAnchor.abi.json";
  public static final String BIN_RESOURCE = "contracts/CheckpointAnchor.bin";

  private ContractArtifacts() {}

  /** The ABI as JSON text. */
  public static String abiJson() {
    return read(ABI_RESOURCE);
  }

  /** The creation bytecode, {@code 0x}-prefixed hex. */
  public static String creationBytecode() {
    String hex = read(BIN_RESOURCE).strip();
    if (!hex.matches("[0-9a-f]+")) {
      throw new IllegalStateException(BIN_RESOURCE + " is not hex bytecode");
    }
    return "0x" + hex;
  }

  private static String read(String resource) {
    try (InputStream in = ContractArtifacts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
