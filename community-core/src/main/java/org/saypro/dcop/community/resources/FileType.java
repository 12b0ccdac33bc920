package org.saypro.dcop.community.resources;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types the library accepts, each with the extensions and declared Content-Types that may name it. The
 * text types share one sniffed shape (valid UTF-8 without NULs), so for them the extension picks the type.
 */
public enum FileType {
  PDF("application/pdf", Set.of("pdf"), Set.of()),
  PNG("image/png", Set.of("png"), Set.of()),
  JPEG("image/jpeg", Set.of("jpg", "jpeg"), Set.of("image/pjpeg")),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx"), Set.of()),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx"), Set.of()),
  PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx"), Set.of()),
  // Browsers label text files loosely (Windows sends CSV as application/vnd.ms-excel), so text/plain is accepted
  // for every text type; the content itself was checked to be text.
  TEXT("text/plain", Set.of("txt"), Set.of()),
  CSV("text/csv", Set.of("csv"), Set.of("text/plain", "application/vnd.ms-excel")),
  MARKDOWN("text/markdown", Set.of("md", "markdown"), Set.of("text/plain", "text/x-markdown"));

  private final String mediaType;
  private final Set<String> extensions;
  private final Set<String> aliases;

  FileType(String mediaType, Set<String> extensions, Set<String> aliases) {
    this.mediaType = mediaType;
    this.extensions = extensions;
    this.aliases = aliases;
  }

  /** The type downloads are served with: the sniffed one, never what the uploader declared. */
  public String mediaType() {
    return mediaType;
  }

  public boolean text() {
    return this == TEXT || this == CSV || this == MARKDOWN;
  }

  boolean hasExtension(String extension) {
    return extensions.contains(extension);
  }

  /** Whether a declared Content-Type (parameters such as charset ignored) names this type. */
  boolean declaredAs(String contentType) {
    String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return bare.equals(mediaType) || aliases.contains(bare);
  }

  /** The text type a file name's extension asks for, if any. */
  static Optional<FileType> textFor(String extension) {
    for (FileType type : values()) {
      if (type.text() && type.hasExtension(extension)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The lower-case extension of a file name, or "" without one. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
