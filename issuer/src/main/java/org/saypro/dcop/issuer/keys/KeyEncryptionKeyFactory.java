package org.saypro.dcop.issuer.keys;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.saypro.dcop.core.keys.KeyEncryptionKey;
import org.saypro.dcop.issuer.config.IssuerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the key-encryption key: {@code DCOP_KEK} (base64 of 32 bytes) when set, otherwise a key generated once
 * into {@code <data dir>/keys/kek} with owner-only permissions, with a warning, because that key then sits beside
 * the data it protects.
 */
@Factory
class KeyEncryptionKeyFactory {

  private static final Logger LOG = LoggerFactory.getLogger(KeyEncryptionKeyFactory.class);

  @Singleton
  KeyEncryptionKey keyEncryptionKey(IssuerSettings settings) {
    if (settings.kek() != null && !settings.kek().isBlank()) {
      return fromConfiguration(settings.kek().strip());
    }
    return fromFile(settings.dataDir().resolve("keys").resolve("kek"));
  }

  private static KeyEncryptionKey fromConfiguration(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("DCOP_KEK is not base64; generate one with: openssl rand -base64 32");
    }
    if (bytes.length != KeyEncryptionKey.LENGTH) {
      throw new IllegalStateException(
          "DCOP_KEK must decode to " + KeyEncryptionKey.LENGTH + " bytes; generate one with: openssl rand -base64 32");
    }
    return new KeyEncryptionKey(bytes);
  }

  private static KeyEncryptionKey fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return new KeyEncryptionKey(Base64.getDecoder().decode(Files.readString(file).strip()));
      }
      Files.createDirectories(file.getParent());
      setOwnerOnly(file.getParent(), "rwx------");
      KeyEncryptionKey generated = KeyEncryptionKey.generate();
      try {
        Files.createFile(file);
      } catch (FileAlreadyExistsException raced) {
        return fromFile(file);
      }
      setOwnerOnly(file, "rw-------");
      Files.writeString(file, Base64.getEncoder().encodeToString(generated.encoded()));
      LOG.warn(
          "DCOP_KEK is not set: generated a key-encryption key in {} (fingerprint {}). Back it up, and in production"
              + " set DCOP_KEK instead so that keys and the key protecting them are not stored together.",
          file.toAbsolutePath(),
          generated.fingerprint());
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key-encryption key file " + file, e);
    }
  }

  private static void setOwnerOnly(Path path, String permissions) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
