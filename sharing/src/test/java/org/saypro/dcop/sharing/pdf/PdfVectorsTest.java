package org.saypro.dcop.sharing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.sharing.CredentialText;
import org.saypro.dcop.sharing.SharingFixtures;
import org.saypro.dcop.sharing.VectorFiles;

/**
 * Walks {@code vectors/pdf} (written by {@link PdfVectorGenerator}): a certificate made here gives back a credential
 * that verifies; every bad file gives nothing, quickly, and never an exception.
 */
class PdfVectorsTest {

  static Stream<Arguments> vectors() {
    return new VectorFiles("pdf").cases().stream().map(p -> Arguments.of(p.getFileName().toString(), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String name, Path file) throws IOException {
    long started = System.nanoTime();
    Optional<CredentialText> credential = CertificatePdf.extractCredential(Files.readAllBytes(file));
    long millis = (System.nanoTime() - started) / 1_000_000;

    if (name.contains(".good.")) {
      CredentialText found = credential.orElseThrow(() -> new AssertionError(name + " gave no credential"));
      assertTrue(SharingFixtures.verifierKnowingOnly(SharingFixtures.KEY)
          .verify(new SecuredInput.VcJwt(found.text())).verified(), name);
    } else {
      assertEquals(Optional.empty(), credential, name);
    }
    assertTrue(millis < 5_000, name + " took " + millis + " ms");
  }

  @Test
  void aFileOverTheSizeLimitIsNotOpened() {
    assertEquals(Optional.empty(), CertificatePdf.extractCredential(new byte[CertificatePdf.MAX_PDF_BYTES + 1]));
    assertEquals(Optional.empty(), CertificatePdf.extractCredential(null));
  }
}
