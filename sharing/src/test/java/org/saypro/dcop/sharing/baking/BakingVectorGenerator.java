package org.saypro.dcop.sharing.baking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.SharingFixtures;
import org.saypro.dcop.sharing.VectorFiles;

/**
 * Writes the baked-image vectors under {@code src/test/resources/vectors/baking}: badges baked here, and PNG and SVG
 * files that break the format or attack the parser. The credential is signed with the fixed key of
 * {@link SharingFixtures}, so a run rewrites the same bytes. {@code expected.json} beside them says what each gives.
 *
 * <p>Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.sharing.baking.BakingVectorGenerator [output-dir]}.
 */
public final class BakingVectorGenerator {

  private BakingVectorGenerator() {}

  /** The token every good vector carries. */
  static String jws() {
    return SharingFixtures.signed(SharingFixtures.issued("Sipho Ndlovu"));
  }

  /** A JSON credential whose text holds "]]>", which CDATA cannot hold as it is. */
  static String json() {
    return Json.writeString(SharingFixtures.issued("Sipho ]]> Ndlovu"));
  }

  public static void main(String[] args) throws IOException {
    new VectorFiles("baking").write(args, render());
  }


  static Map<String, byte[]> render() {
    String jws = jws();
    byte[] png = DefaultBadge.png();
    byte[] bakedPng = baked(PngBaker.bake(png, new CredentialText.Jws(jws)));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("baked-jwt.good.png", bakedPng);
    files.put("baked-json.good.png", baked(PngBaker.bake(png, new CredentialText.Json(json()))));
    files.put("tampered-text.good.png", withChunkAfterHeader(png, itxt(PngBaker.KEYWORD, tamper(jws))));
    // the first is read, as the specification says: the second (tampered) one would fail verification
    files.put("two-credentials.good.png", withChunkAfterHeader(
        withChunkAfterHeader(png, itxt(PngBaker.KEYWORD, tamper(jws))), itxt(PngBaker.KEYWORD, jws)));
    files.put("bad-crc.bad.png", flipped(bakedPng, indexOf(bakedPng, jws) + jws.length() / 2));
    files.put("truncated.bad.png", Arrays.copyOf(bakedPng, bakedPng.length * 3 / 5));
    files.put("not-png.bad.png", "\u00ff\u00d8\u00ff\u00e0 a JPEG, not a PNG".getBytes(StandardCharsets.ISO_8859_1));
    files.put("compressed-itxt.bad.png", withChunkAfterHeader(png, compressedItxt(jws)));
    files.put("chunk-length-overflow.bad.png", withRawAfterHeader(png, new byte[] {0x7f, -1, -1, -16, 't', 'E', 'X',
        't', 0, 0, 0, 0}));
    files.put("ihdr-not-first.bad.png", ihdrNotFirst(png));
    files.put("ob2-assertion.bad.png", withChunkAfterHeader(png, itxt("openbadges", jws)));
    files.put("not-baked.bad.png", png);
    files.put("not-a-credential.bad.png", withChunkAfterHeader(png, itxt(PngBaker.KEYWORD, "hello, world")));
    files.put("invalid-utf8.bad.png", withChunkAfterHeader(png, new Chunk("iTXt",
        join(ITxtChunk.uncompressed(PngBaker.KEYWORD, ""), new byte[] {(byte) 0xff, (byte) 0xfe}))));
    files.put("after-iend.bad.png", join(png, chunkBytes(itxt(PngBaker.KEYWORD, jws))));

    byte[] svg = DefaultBadge.svg();
    files.put("baked-jwt.good.svg", baked(SvgBaker.bake(svg, new CredentialText.Jws(jws))));
    files.put("baked-json.good.svg", baked(SvgBaker.bake(svg, new CredentialText.Json(json()))));
    files.put("tampered-text.good.svg", svgWith("<openbadges:credential verify=\"" + tamper(jws)
        + "\"></openbadges:credential>"));
    files.put("xxe.bad.svg", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY secret SYSTEM"
        + " \"file:///etc/passwd\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\""
        + SvgBaker.NAMESPACE + "\"><openbadges:credential>&secret;</openbadges:credential></svg>\n"));
    files.put("billion-laughs.bad.svg", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</text></svg>\n"));
    files.put("external-dtd.bad.svg", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
        + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"));
    files.put("xinclude.bad.svg", utf8("<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></svg>"));
    files.put("not-svg.bad.svg", utf8("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"));
    byte[] bakedSvg = files.get("baked-jwt.good.svg");
    files.put("truncated.bad.svg", Arrays.copyOf(bakedSvg, bakedSvg.length / 2));
    files.put("ob2-assertion.bad.svg", utf8("<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion verify=\"" + jws + "\"/></svg>"));
    files.put("not-baked.bad.svg", svg);
    files.put("empty-credential.bad.svg", svgWith("<openbadges:credential/>"));
    files.put("deep-nesting.bad.svg", utf8("<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(1000)
        + "</g>".repeat(1000) + "</svg>"));
    return files;
  }

  private record Chunk(String type, byte[] data) {}

  private static Chunk itxt(String keyword, String text) {
    return new Chunk("iTXt", ITxtChunk.uncompressed(keyword, text));
  }

  private static Chunk compressedItxt(String text) {
    byte[] data = ITxtChunk.uncompressed(PngBaker.KEYWORD, text);
    data[PngBaker.KEYWORD.length() + 1] = 1;
    return new Chunk("iTXt", data);
  }

  private static byte[] chunkBytes(Chunk chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngChunks.write(out, chunk.type(), chunk.data());
    return out.toByteArray();
  }

  private static byte[] withChunkAfterHeader(byte[] png, Chunk chunk) {
    return withRawAfterHeader(png, chunkBytes(chunk));
  }

  /** Signature and IHDR are always the first 33 bytes of a PNG. */
  private static byte[] withRawAfterHeader(byte[] png, byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33);
    out.writeBytes(raw);
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }

  private static byte[] ihdrNotFirst(byte[] png) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngChunks.SIGNATURE);
    PngChunks.write(out, "tEXt", "Comment\0first".getBytes(StandardCharsets.ISO_8859_1));
    out.write(png, 8, png.length - 8);
    return out.toByteArray();
  }

  private static byte[] join(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String tamper(String jws) {
    int at = jws.indexOf('.') + 40;
    return jws.substring(0, at) + (jws.charAt(at) == 'A' ? 'B' : 'A') + jws.substring(at + 1);
  }

  private static byte[] flipped(byte[] data, int at) {
    byte[] copy = data.clone();
    copy[at] = (byte) (copy[at] == 'A' ? 'B' : 'A');
    return copy;
  }

  private static int indexOf(byte[] data, String text) {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + needle.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalStateException("the credential is not in the baked image");
  }

  private static byte[] svgWith(String credentialElement) {
    return utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"" + SvgBaker.NAMESPACE + "\">"
        + credentialElement + "<circle r=\"10\"/></svg>");
  }

  private static byte[] baked(Baking baking) {
    return ((Baking.Baked) baking).bytes();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
