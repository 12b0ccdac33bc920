package org.saypro.dcop.accounts.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), so each
 * stored hash carries its own parameters and they can be raised later without invalidating old ones
 * ({@link #needsRehash}). The defaults are OWASP's minimum recommendation (19 MiB, two passes, one lane).
 */
public final class Argon2idPasswords {

  /** Cost parameters; {@code memoryKib} in KiB. */
  public record Cost(int memoryKib, int iterations, int parallelism) {
    public static final Cost OWASP = new Cost(19_456, 2, 1);

    public Cost {
      if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || parallelism > 16
          || memoryKib > 4 * 1024 * 1024 || iterations > 100) {
        throw new IllegalArgumentException("Argon2id cost out of range");
      }
    }
  }

  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Cost cost;
  private final SecureRandom random = new SecureRandom();

  public Argon2idPasswords(Cost cost) {
    this.cost = Objects.requireNonNull(cost, "cost");
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password.getBytes(StandardCharsets.UTF_8), salt, cost, HASH_BYTES);
    return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** False for a wrong password and for anything that is not an Argon2id PHC string. Constant time in the hash. */
  public boolean verify(String password, String phc) {
    Optional<Parsed> parsed = parse(phc);
    if (parsed.isEmpty()) {
      return false;
    }
    Parsed p = parsed.get();
    byte[] actual = derive(password.getBytes(StandardCharsets.UTF_8), p.salt(), p.cost(), p.hash().length);
    return MessageDigest.isEqual(actual, p.hash());
  }

  /** True when the hash was made with other parameters than the current ones: rehash at the next sign-in. */
  public boolean needsRehash(String phc) {
    return parse(phc).map(p -> !p.cost().equals(cost)).orElse(true);
  }

  /** A PHC string taken apart. */
  public record Parsed(Cost cost, byte[] salt, byte[] hash) {}

  public static Optional<Parsed> parse(String phc) {
    if (phc == null) {
      return Optional.empty();
    }
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return Optional.of(new Parsed(cost, B64D.decode(m.group(4)), B64D.decode(m.group(5))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The raw Argon2id function (version 0x13), exposed for the RFC 9106 test vector. */
  static byte[] derive(byte[] password, byte[] salt, Cost cost, int length) {
    return derive(password, salt, null, null, cost, length);
  }

  static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associated, Cost cost, int length) {
    Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt);
    if (secret != null) {
      parameters.withSecret(secret);
    }
    if (associated != null) {
      parameters.withAdditional(associated);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters.build());
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }
}
