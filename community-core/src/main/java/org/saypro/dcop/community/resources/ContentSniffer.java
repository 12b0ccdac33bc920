package org.saypro.dcop.community.resources;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides an upload's type from its bytes, never from its name: members download these files, so an executable or
 * script named report.pdf must not get in. The name's extension and the declared Content-Type must then agree with
 * what the bytes are.
 */
public final class ContentSniffer {

  /** Most ZIP entries read from a central directory: real Office files have dozens, not thousands. */
  static final int MAX_ZIP_ENTRIES = 10_000;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[][] EXECUTABLES = {
      {'M', 'Z'}, // Windows PE and DOS
      {0x7f, 'E', 'L', 'F'},
      {(byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce}, {(byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xcf},
      {(byte) 0xce, (byte) 0xfa, (byte) 0xed, (byte) 0xfe}, {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe},
      {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe}, // Mach-O universal (and Java classes)
  };
  // Text that a browser or shell would run rather than show; checked case-insensitively after leading blanks.
  private static final String[] SCRIPTS = {"#!", "<?php", "<script", "<html", "<!doctype", "<svg", "@echo off"};

  private ContentSniffer() {}

  public static Sniffed sniff(byte[] content, String fileName, String declaredType) {
    if (content.length == 0) {
      return new Sniffed.Refused("the file is empty");
    }
    for (byte[] magic : EXECUTABLES) {
      if (startsWith(content, magic)) {
        return new Sniffed.Refused("the file is an executable program, which the library does not accept");
      }
    }
    String extension = FileType.extension(fileName);
    Sniffed sniffed = type(content, extension);
    if (!(sniffed instanceof Sniffed.Accepted accepted)) {
      return sniffed;
    }
    FileType type = accepted.type();
    if (!type.hasExtension(extension)) {
      return new Sniffed.Refused("the file's content is " + type.mediaType() + " but its name ends in ."
          + extension);
    }
    if (declaredType == null || !type.declaredAs(declaredType)) {
      return new Sniffed.Refused("the file's content is " + type.mediaType() + " but it was sent as "
          + (declaredType == null ? "no type" : declaredType));
    }
    return sniffed;
  }

  private static Sniffed type(byte[] content, String extension) {
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return new Sniffed.Accepted(FileType.PDF);
    }
    if (startsWith(content, PNG)) {
      return new Sniffed.Accepted(FileType.PNG);
    }
    if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return new Sniffed.Accepted(FileType.JPEG);
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return office(content);
    }
    return text(content, extension);
  }

  /** An Office Open XML file: a ZIP whose central directory lists [Content_Types].xml and the part of one kind. */
  private static Sniffed office(byte[] content) {
    Set<String> names = zipEntryNames(content);
    if (names == null || !names.contains("[Content_Types].xml")) {
      return new Sniffed.Refused("the file is a ZIP archive but not a Word, Excel or PowerPoint document");
    }
    if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
      return new Sniffed.Refused("the document contains macros, which the library does not accept");
    }
    if (names.contains("word/document.xml")) {
      return new Sniffed.Accepted(FileType.DOCX);
    }
    if (names.contains("xl/workbook.xml")) {
      return new Sniffed.Accepted(FileType.XLSX);
    }
    if (names.contains("ppt/presentation.xml")) {
      return new Sniffed.Accepted(FileType.PPTX);
    }
    return new Sniffed.Refused("the file is an Office package of a kind the library does not accept");
  }

  /**
   * The entry names from the ZIP's central directory, or null when it has none that parses. Reading names only
   * never inflates anything, so a ZIP bomb costs nothing here.
   */
  static Set<String> zipEntryNames(byte[] zip) {
    int end = -1;
    for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
      if (u32(zip, i) == 0x06054b50L) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return null;
    }
    int entries = u16(zip, end + 10);
    long offset = u32(zip, end + 16);
    if (entries > MAX_ZIP_ENTRIES || offset >= end) {
      return null;
    }
    Set<String> names = new HashSet<>();
    int at = (int) offset;
    for (int i = 0; i < entries; i++) {
      if (at + 46 > end || u32(zip, at) != 0x02014b50L) {
        return null;
      }
      int nameLength = u16(zip, at + 28);
      int next = at + 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
      if (next > end) {
        return null;
      }
      names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
      at = next;
    }
    return names;
  }

  /** Plain text, CSV or Markdown: valid UTF-8, no NULs, and not a script; the extension says which. */
  private static Sniffed text(byte[] content, String extension) {
    for (byte b : content) {
      if (b == 0) {
        return new Sniffed.Refused("the file is binary data of a type the library does not accept");
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return new Sniffed.Refused("the file is neither a supported document nor UTF-8 text");
    }
    String start = text.replaceFirst("^\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
    for (String script : SCRIPTS) {
      if (start.startsWith(script)) {
        return new Sniffed.Refused("the file is a script or web page, which the library does not accept");
      }
    }
    return FileType.textFor(extension).<Sniffed>map(Sniffed.Accepted::new).orElseGet(() ->
        new Sniffed.Refused("the file is text, which the library takes only as .txt, .csv or .md"));
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u16(byte[] b, int at) {
    return at + 2 > b.length ? -1 : (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int at) {
    return at < 0 || at + 4 > b.length ? -1 : (u16(b, at) & 0xffffL) | (long) u16(b, at + 2) << 16;
  }
}
