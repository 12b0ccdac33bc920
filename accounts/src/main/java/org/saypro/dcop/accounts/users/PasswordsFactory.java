package org.saypro.dcop.accounts.users;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The Argon2id cost from configuration (defaults: OWASP's m=19456 KiB, t=2, p=1); raise it and old hashes upgrade. */
@Factory
class PasswordsFactory {
  @Singleton
  Argon2idPasswords passwords(@Value("${dcop.password.memory-kib:19456}") int memoryKib,
      @Value("${dcop.password.iterations:2}") int iterations,
      @Value("${dcop.password.parallelism:1}") int parallelism) {
    return new Argon2idPasswords(new Argon2idPasswords.Cost(memoryKib, iterations, parallelism));
  }
}
