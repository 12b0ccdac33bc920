package org.saypro.dcop.accounts.users;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.audit.AuditEvent;
import org.saypro.dcop.accounts.audit.AuditLog;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Writes to users, memberships and organisations, each in one transaction with its audit event. */
@Singleton
public class AccountsAdmin {

  private final UserStore users;
  private final OrganisationStore organisations;
  private final Argon2idPasswords passwords;
  private final AuditLog audit;

  AccountsAdmin(UserStore users, OrganisationStore organisations, Argon2idPasswords passwords, AuditLog audit) {
    this.users = users;
    this.organisations = organisations;
    this.passwords = passwords;
    this.audit = audit;
  }

  /** A new user, optionally with a role in an organisation; 409 when the e-mail address is taken. */
  @Transactional
  public User createUser(String actor, String email, String displayName, String password, boolean platformAdmin,
      Optional<Organisation> organisation, Optional<Role> role) {
    User user = new User(UUID.randomUUID(), email, displayName, platformAdmin, false,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    if (!users.insert(user, passwords.hash(password))) {
      throw new ProblemException(ProblemType.ALREADY_EXISTS, "a user with this e-mail address exists");
    }
    audit.record(actor, organisation.map(Organisation::id), "user.created", Optional.of(user.id().toString()),
        AuditEvent.Outcome.SUCCESS, Json.newObject().put("platformAdmin", platformAdmin));
    if (organisation.isPresent() && role.isPresent()) {
      setRole(actor, organisation.get(), user.id(), role.get());
    }
    return user;
  }

  @Transactional
  public Membership setRole(String actor, Organisation organisation, UUID user, Role role) {
    if (users.byId(user).isEmpty()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no user has this id");
    }
    Optional<Role> before = users.setRole(user, organisation.id(), role);
    audit.record(actor, Optional.of(organisation.id()), "role.changed", Optional.of(user.toString()),
        AuditEvent.Outcome.SUCCESS,
        Json.newObject().put("from", before.map(Role::label).orElse(null)).put("to", role.label()));
    return new Membership(user, organisation.id(), organisation.slug(), role);
  }

  @Transactional
  public void removeMember(String actor, Organisation organisation, UUID user) {
    Optional<Role> before = users.removeMembership(user, organisation.id());
    if (before.isEmpty()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "this user has no role in " + organisation.slug());
    }
    audit.record(actor, Optional.of(organisation.id()), "role.changed", Optional.of(user.toString()),
        AuditEvent.Outcome.SUCCESS, Json.newObject().put("from", before.get().label()).putNull("to"));
  }

  @Transactional
  public Organisation createOrganisation(String actor, Organisation organisation) {
    if (!organisations.insert(organisation)) {
      throw new ProblemException(ProblemType.ALREADY_EXISTS, "an organisation called " + organisation.slug()
          + " exists");
    }
    audit.record(actor, Optional.of(organisation.id()), "organisation.created", Optional.of(organisation.slug()),
        AuditEvent.Outcome.SUCCESS, Json.newObject().put("kind", organisation.kind().label()));
    return organisation;
  }
}
