package org.saypro.dcop.sharing.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.saypro.dcop.sharing.CredentialText;

/**
 * The signed credential as a file attached to the certificate ({@code credential.jwt} or {@code credential.json}), so
 * the file itself can be verified, not only the link printed on it. Reading it back decompresses the attachment by
 * hand with a limit, because PDFBox would decode a stream of any size.
 */
final class CredentialAttachment {

  static final String JWT_NAME = "credential.jwt";
  static final String JSON_NAME = "credential.json";

  private CredentialAttachment() {}

  static void attach(PDDocument document, CredentialText credential) throws IOException {
    boolean jws = credential instanceof CredentialText.Jws;
    attach(document, jws ? JWT_NAME : JSON_NAME, jws ? "application/vc+jwt" : "application/vc+ld+json",
        credential.text().getBytes(StandardCharsets.UTF_8));
  }

  /** Any bytes under any name, compressed with FlateDecode: what {@link #read} must cope with. */
  static void attach(PDDocument document, String name, String mediaType, byte[] bytes) throws IOException {
    PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
    file.setSubtype(mediaType);
    file.setSize(bytes.length);
    PDComplexFileSpecification specification = new PDComplexFileSpecification();
    specification.setFile(name);
    specification.setFileUnicode(name);
    specification.setFileDescription("The signed credential this certificate shows");
    specification.setEmbeddedFile(file);
    specification.setEmbeddedFileUnicode(file);
    PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
    files.setNames(Map.of(name, specification));
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
    names.setEmbeddedFiles(files);
    document.getDocumentCatalog().setNames(names);
  }

  /** The attached credential, when there is one of the right kind and size; never throws for a strange file. */
  static Optional<CredentialText> read(PDDocument document) throws IOException {
    PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
    PDEmbeddedFilesNameTreeNode files = names == null ? null : names.getEmbeddedFiles();
    Map<String, PDComplexFileSpecification> byName = files == null ? null : files.getNames();
    if (byName == null) {
      return Optional.empty();
    }
    for (String name : new String[] {JWT_NAME, JSON_NAME}) {
      PDComplexFileSpecification specification = byName.get(name);
      PDEmbeddedFile file = specification == null ? null : specification.getEmbeddedFile();
      if (file != null) {
        return bytes(file.getCOSObject()).flatMap(bytes -> parse(name, bytes));
      }
    }
    return Optional.empty();
  }

  private static Optional<byte[]> bytes(COSStream stream) throws IOException {
    COSBase filters = stream.getFilters();
    if (filters instanceof COSArray array && array.size() == 1) {
      filters = array.getObject(0);
    }
    boolean flate = COSName.FLATE_DECODE.equals(filters);
    if (filters != null && !flate || stream.containsKey(COSName.DECODE_PARMS)) {
      return Optional.empty();
    }
    try (InputStream raw = stream.createRawInputStream();
        InputStream content = flate ? new InflaterInputStream(raw) : raw) {
      byte[] bytes = content.readNBytes(CredentialText.MAX_BYTES + 1);
      return bytes.length > CredentialText.MAX_BYTES ? Optional.empty() : Optional.of(bytes);
    }
  }

  private static Optional<CredentialText> parse(String name, byte[] bytes) {
    try {
      CredentialText credential = CredentialText.ofUtf8(ByteBuffer.wrap(bytes));
      return credential instanceof CredentialText.Jws == name.equals(JWT_NAME) ? Optional.of(credential)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
