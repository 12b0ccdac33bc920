package org.saypro.dcop.core.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.saypro.dcop.core.VectorFiles;
import org.saypro.dcop.core.json.Json;

/**
 * Writes the offline QR text vectors under {@code src/test/resources/vectors/offline}. Everything is fixed (the
 * Ed25519 seed, the credential, the email salt) and Ed25519 is deterministic, so running it again rewrites the same
 * bytes. Each file is {@code {description, text, stage, reasonContains}}: {@code stage} is {@code decode} when the
 * codec must reject the text, {@code verify} when it decodes but the verifier must fail the signature, and
 * {@code good} when it decodes and verifies with only the issuer's public key.
 *
 * <p>Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.core.offline.OfflineVectorGenerator [output-dir]}.
 */
public final class OfflineVectorGenerator {

  private OfflineVectorGenerator() {}

  public static void main(String[] args) throws IOException {
    VectorFiles.replace("offline", args, ".json", render());
  }

  static Map<String, String> render() {
    String jws = OfflineFixtures.signedMinimal(OfflineFixtures.fullCredential("Thandi Mokoena"));
    String good = ((OfflineEncoding.Encoded) OfflineCredentialCodec.encode(jws)).text();
    String payload = good.substring(OfflineCredentialCodec.PREFIX.length());
    byte[] deflated = Base45.decode(payload);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("minimal-credential.good.json", vector("a minimal credential as issued, signed with Ed25519", good,
        "good", ""));
    files.put("tampered-payload.bad.json", vector("decodes, but one payload character differs from what was signed",
        text(deflate(tamper(jws).getBytes(StandardCharsets.US_ASCII))), "verify", "does not match"));
    files.put("empty.bad.json", vector("nothing at all", "", "decode", "empty"));
    files.put("other-format.bad.json", vector("an EU digital COVID certificate prefix", "HC1:" + payload, "decode",
        "does not start with DCOP1:"));
    files.put("future-version.bad.json", vector("a later version of this format", "DCOP2:" + payload, "decode",
        "does not read"));
    files.put("lower-case.bad.json", vector("Base45 is upper case only", OfflineCredentialCodec.PREFIX
        + payload.toLowerCase(java.util.Locale.ROOT), "decode", "not Base45"));
    files.put("dangling-character.bad.json", vector("one character too many for Base45",
        OfflineCredentialCodec.PREFIX + payload.substring(0, payload.length() - payload.length() % 3) + "0",
        "decode", "not Base45"));
    files.put("group-out-of-range.bad.json", vector("GGW is 65536, one more than two bytes hold",
        OfflineCredentialCodec.PREFIX + "GGW" + payload, "decode", "not Base45"));
    files.put("too-long.bad.json", vector("longer than a version 40 QR code holds at level M",
        OfflineCredentialCodec.PREFIX + "0".repeat(OfflineCredentialCodec.MAX_TEXT_LENGTH), "decode",
        "more than a QR code holds"));
    files.put("zip-bomb.bad.json", vector("a megabyte of zeros deflated to about a kilobyte",
        text(deflate(new byte[1024 * 1024])), "decode", "inflates to more than 8192 bytes"));
    files.put("truncated-zlib.bad.json", vector("the zlib stream is cut short",
        text(Arrays.copyOf(deflated, deflated.length - 12)), "decode", "truncated"));
    files.put("trailing-bytes.bad.json", vector("bytes after the end of the zlib stream",
        text(concat(deflated, new byte[] {0, 0})), "decode", "follow the end of the stream"));
    files.put("adler32-mismatch.bad.json", vector("the zlib checksum does not match the content",
        text(flipLastBit(deflated)), "decode", "not zlib data"));
    files.put("raw-deflate.bad.json", vector("deflate without the zlib header",
        text(Arrays.copyOfRange(deflated, 2, deflated.length - 4)), "decode", "not zlib data"));
    files.put("preset-dictionary.bad.json", vector("a zlib stream that needs a preset dictionary",
        text(deflateWithDictionary(jws.getBytes(StandardCharsets.US_ASCII))), "decode", "preset dictionary"));
    files.put("not-a-token.bad.json", vector("valid zlib holding something else than a compact JWS",
        text(deflate("{\"hello\":\"world\"}".getBytes(StandardCharsets.US_ASCII))), "decode", "not a compact JWS"));
    return files;
  }

  private static String vector(String description, String text, String stage, String reasonContains) {
    ObjectNode vector = Json.newObject();
    vector.put("description", description);
    vector.put("text", text);
    vector.put("stage", stage);
    vector.put("reasonContains", reasonContains);
    return Json.writeString(vector) + "\n";
  }

  private static String text(byte[] zlib) {
    return OfflineCredentialCodec.PREFIX + Base45.encode(zlib);
  }

  /** Changes one character in the middle of the payload, keeping it base64url. */
  private static String tamper(String jws) {
    String[] parts = jws.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    String json = new String(payload, StandardCharsets.UTF_8).replace("Ikamva Youth Academy", "Ikamva Youth Academi");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];
  }

  private static byte[] deflate(byte[] data) {
    return deflate(data, null);
  }

  private static byte[] deflateWithDictionary(byte[] data) {
    return deflate(data, "eyJhbGciOiJFZERTQSJ9".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] deflate(byte[] data, byte[] dictionary) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    if (dictionary != null) {
      deflater.setDictionary(dictionary);
    }
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] flipLastBit(byte[] data) {
    byte[] copy = data.clone();
    copy[copy.length - 1] ^= 1;
    return copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
