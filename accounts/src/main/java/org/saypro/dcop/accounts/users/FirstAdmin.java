package org.saypro.dcop.accounts.users;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.core.json.Json;

/**
 * At first start (no platform admin yet), creates one from {@code dcop.admin.email} and {@code dcop.admin.password};
 * without a password it generates one and prints it once on standard output, never through the logger, so it does
 * not end up in collected logs. The admin is also org admin of SayPro. Later starts change nothing (a changed
 * DCOP_ADMIN_PASSWORD does not reset the password).
 */
@Singleton
class FirstAdmin {

  static final String DEFAULT_EMAIL = "admin@localhost";

  private final UserStore users;
  private final OrganisationStore organisations;
  private final Argon2idPasswords passwords;
  private final AuditLog audit;
  private final String email;
  private final String password;
  private final PrintStream console = System.out;

  FirstAdmin(UserStore users, OrganisationStore organisations, Argon2idPasswords passwords, AuditLog audit,
      @Value("${dcop.admin.email:" + DEFAULT_EMAIL + "}") String email,
      @Value("${dcop.admin.password:}") String password) {
    this.users = users;
    this.organisations = organisations;
    this.passwords = passwords;
    this.audit = audit;
    this.email = email.isBlank() ? DEFAULT_EMAIL : email.strip();
    this.password = password;
  }

  @EventListener
  @Transactional
  void onStartup(StartupEvent event) {
    if (users.anyPlatformAdmin()) {
      return;
    }
    boolean generated = password.isBlank();
    String chosen = generated ? generate() : password;
    User admin = new User(UUID.randomUUID(), email, "Platform admin", true, false,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    if (!users.insert(admin, passwords.hash(chosen))) {
      // an ordinary user already has this address: refuse to guess whether to promote them
      throw new IllegalStateException("a user with DCOP_ADMIN_EMAIL exists but is no platform admin");
    }
    Optional<Organisation> saypro = organisations.bySlug(Organisation.SAYPRO_SLUG);
    saypro.ifPresent(org -> users.setRole(admin.id(), org.id(), Role.ORG_ADMIN));
    audit.record(AuditEvent.SYSTEM, saypro.map(Organisation::id), "user.created", Optional.of(admin.id().toString()),
        AuditEvent.Outcome.SUCCESS, Json.newObject().put("platformAdmin", true).put("firstStart", true));
    if (generated) {
      console.println();
      console.println("==================================================================");
      console.println(" DCoP Credentials: the first platform admin was created");
      console.println("   e-mail:   " + email);
      console.println("   password: " + chosen);
      console.println(" This is shown once. Sign in with POST /login and keep it safe.");
      console.println("==================================================================");
      console.println();
      console.flush();
    }
  }

  private static String generate() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
