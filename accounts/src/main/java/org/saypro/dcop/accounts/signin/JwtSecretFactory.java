package org.saypro.dcop.accounts.signin;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC secret that signs and checks access tokens (HS256): {@code dcop.jwt-secret} (DCOP_JWT_SECRET) when set,
 * else 256 random bits generated once into {@code <data-dir>/keys/jwt-secret}, readable by the owner only, so
 * tokens survive a restart. Named {@code generator}: Micronaut Security signs with that one. Declared as the
 * interface on purpose: typed as {@code SecretSignature}, the bean would inherit that class's {@code @EachBean} and,
 * with no secret in the configuration files, not exist at all; the JWT validator then accepts unsigned tokens
 * ({@code SignInIT} checks that an {@code "alg": "none"} token is refused).
 */
@Factory
class JwtSecretFactory {

  private static final int MIN_SECRET_CHARS = 32;

  @Singleton
  JwtSecret secret(@Value("${dcop.jwt-secret:}") String configured, @Value("${dcop.data-dir:./data}") String dataDir) {
    return new JwtSecret(configured.isBlank() ? stored(Path.of(dataDir, "keys", "jwt-secret")) : checked(configured));
  }

  @Singleton
  @Named("generator")
  SignatureGeneratorConfiguration generator(JwtSecret secret) {
    SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
    configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
    configuration.setSecret(secret.value());
    return new SecretSignature(configuration);
  }

  private static String checked(String secret) {
    if (secret.length() < MIN_SECRET_CHARS) {
      throw new IllegalStateException("DCOP_JWT_SECRET must be at least " + MIN_SECRET_CHARS + " characters"
          + " (e.g. openssl rand -base64 32)");
    }
    return secret;
  }

  private static String stored(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII,
            StandardOpenOption.TRUNCATE_EXISTING);
      }
      return checked(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the JWT secret in " + file.getParent(), e);
    }
  }
}
