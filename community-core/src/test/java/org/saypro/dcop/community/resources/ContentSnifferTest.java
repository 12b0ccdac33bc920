package org.saypro.dcop.community.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sniffer against vector files: every *.good.* file is accepted as its type, every *.bad.* one refused. */
class ContentSnifferTest {

  // What a browser would declare for each extension; the sniffer must agree with it, not trust it.
  private static final Map<String, String> DECLARED = Map.ofEntries(Map.entry("pdf", "application/pdf"),
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("csv", "application/vnd.ms-excel"), Map.entry("md", "text/markdown"),
      Map.entry("docx", FileType.DOCX.mediaType()), Map.entry("xlsx", FileType.XLSX.mediaType()),
      Map.entry("pptx", FileType.PPTX.mediaType()), Map.entry("exe", "application/octet-stream"));

  private static List<Path> vectors(String kind) throws IOException, URISyntaxException {
    Path dir = Path.of(ContentSnifferTest.class.getResource("/vectors/resources").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().contains("." + kind + ".")).sorted().toList();
    }
  }

  private static Sniffed sniff(Path file) throws IOException {
    String name = file.getFileName().toString();
    return ContentSniffer.sniff(Files.readAllBytes(file), name, DECLARED.get(FileType.extension(name)));
  }

  @Test
  void goodVectorsAreAcceptedAsTheTypeTheirNameSays() throws Exception {
    List<Path> good = vectors("good");
    assertEquals(9, good.size(), good.toString());
    for (Path file : good) {
      Sniffed sniffed = sniff(file);
      Sniffed.Accepted accepted = assertInstanceOf(Sniffed.Accepted.class, sniffed, file + ": " + sniffed);
      assertTrue(accepted.type().hasExtension(FileType.extension(file.getFileName().toString())), file.toString());
    }
  }

  @Test
  void badVectorsIncludingDisguisedExecutablesAreRefused() throws Exception {
    List<Path> bad = vectors("bad");
    assertEquals(13, bad.size(), bad.toString());
    for (Path file : bad) {
      assertInstanceOf(Sniffed.Refused.class, sniff(file), file.toString());
    }
    Sniffed exe = sniff(bad.stream().filter(f -> f.toString().contains("disguised-windows")).findFirst()
        .orElseThrow());
    assertTrue(((Sniffed.Refused) exe).reason().contains("executable"), exe.toString());
  }

  @Test
  void theDeclaredTypeMustAgreeWithTheContent() {
    byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes();
    assertInstanceOf(Sniffed.Accepted.class, ContentSniffer.sniff(pdf, "a.PDF", "application/pdf"));
    Sniffed mismatch = ContentSniffer.sniff(pdf, "a.pdf", "image/png");
    assertTrue(((Sniffed.Refused) mismatch).reason().contains("sent as image/png"), mismatch.toString());
    assertInstanceOf(Sniffed.Refused.class, ContentSniffer.sniff(pdf, "a.pdf", null));
    assertInstanceOf(Sniffed.Refused.class, ContentSniffer.sniff(new byte[0], "a.txt", "text/plain"));
  }

  @Test
  void aTruncatedZipHasNoEntriesRatherThanAnError() {
    assertEquals(null, ContentSniffer.zipEntryNames(new byte[] {'P', 'K', 3, 4, 0, 0}));
    assertFalse(ContentSniffer.sniff(new byte[] {'P', 'K', 3, 4, 0, 0}, "a.docx", FileType.DOCX.mediaType())
        instanceof Sniffed.Accepted);
  }
}
