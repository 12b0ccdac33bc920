package org.saypro.dcop.accounts.authz;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationKind;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.accounts.users.Role;
import org.saypro.dcop.accounts.users.User;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * Every authorisation decision in one place. Each method answers one question ("may this caller act as officer for
 * that organisation?") and either returns the caller or ends the request: 401 without a valid sign-in, 403 for any
 * refusal. Platform admins may do everything an organisation's admin may. Roles are read fresh on every call.
 */
@Singleton
public class Authorizer {

  private static final Set<Role> OFFICERS = Set.of(Role.OFFICER, Role.ORG_ADMIN);

  private final UserStore users;
  private final OrganisationStore organisations;

  Authorizer(UserStore users, OrganisationStore organisations) {
    this.users = users;
    this.organisations = organisations;
  }

  /** The signed-in, enabled user, or 401. */
  @Transactional(readOnly = true)
  public Caller signedIn(@Nullable Authentication authentication) {
    Optional<User> user = Optional.ofNullable(authentication)
        .flatMap(a -> parse(a.getName()))
        .flatMap(users::byId)
        .filter(u -> !u.disabled());
    if (user.isEmpty()) {
      throw new ProblemException(ProblemType.UNAUTHORIZED,
          "sign in first: send Authorization: Bearer <token> (POST /login, or a personal API token)");
    }
    return new Caller(user.get(), users.memberships(user.get().id()));
  }

  @Transactional(readOnly = true)
  public Caller platformAdmin(@Nullable Authentication authentication) {
    Caller caller = signedIn(authentication);
    if (!caller.platformAdmin()) {
      throw forbidden("only platform admins may do this");
    }
    return caller;
  }

  /** Org admin of the organisation, or a platform admin. */
  @Transactional(readOnly = true)
  public Caller organisationAdmin(@Nullable Authentication authentication, Organisation organisation) {
    Caller caller = signedIn(authentication);
    if (!caller.platformAdmin() && caller.roleIn(organisation.id()).filter(r -> r == Role.ORG_ADMIN).isEmpty()) {
      throw forbidden("only admins of " + organisation.slug() + " may do this");
    }
    return caller;
  }

  /**
   * Officer or org admin of the organisation that issues under this DID, or a platform admin: may issue under it and
   * change the status of what was issued under it. An empty DID (a request naming no issuer) needs an officer of
   * some organisation; validation then refuses the request with 400.
   */
  @Transactional(readOnly = true)
  public Caller officerForIssuer(@Nullable Authentication authentication, Optional<String> issuerDid) {
    Caller caller = signedIn(authentication);
    if (caller.platformAdmin()) {
      return caller;
    }
    if (issuerDid.isEmpty()) {
      if (caller.memberships().stream().anyMatch(m -> OFFICERS.contains(m.role()))) {
        return caller;
      }
      throw forbidden("only officers of an organisation may issue");
    }
    Optional<Organisation> owner = organisations.byIssuerDid(issuerDid.get());
    if (owner.isPresent() && caller.roleIn(owner.get().id()).filter(OFFICERS::contains).isPresent()) {
      return caller;
    }
    throw forbidden("only officers of the organisation that issues as " + issuerDid.get() + " may do this");
  }

  /** Officer or org admin of the organisation, or a platform admin: may keep its catalogue and award for it. */
  @Transactional(readOnly = true)
  public Caller officerOf(@Nullable Authentication authentication, Organisation organisation) {
    Caller caller = signedIn(authentication);
    if (!caller.platformAdmin() && caller.roleIn(organisation.id()).filter(OFFICERS::contains).isEmpty()) {
      throw forbidden("only officers of " + organisation.slug() + " may do this");
    }
    return caller;
  }

  /**
   * Officer or org admin of an accreditation body (or of SayPro), or a platform admin: may record that frameworks
   * recognise each other. Returns the caller and, unless a platform admin acting alone, the body that records it.
   */
  @Transactional(readOnly = true)
  public Caller accreditationOfficer(@Nullable Authentication authentication) {
    Caller caller = signedIn(authentication);
    if (caller.platformAdmin() || !accreditationBodies(caller).isEmpty()) {
      return caller;
    }
    throw forbidden("only officers of an accreditation body may record framework mappings");
  }

  /** The accreditation bodies (and SayPro) in which the caller is an officer or admin. */
  @Transactional(readOnly = true)
  public java.util.List<UUID> accreditationBodies(Caller caller) {
    return caller.memberships().stream().filter(m -> OFFICERS.contains(m.role()))
        .map(m -> organisations.byId(m.organisationId())).flatMap(Optional::stream)
        .filter(o -> o.kind() == OrganisationKind.ACCREDITATION_BODY || o.kind() == OrganisationKind.SAYPRO)
        .map(Organisation::id).toList();
  }

  /** The organisation, or 404. */
  @Transactional(readOnly = true)
  public Organisation organisation(String slug) {
    return organisations.bySlug(slug)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no organisation is called " + slug));
  }

  /** The organisation issuing under this DID, for the audit. */
  @Transactional(readOnly = true)
  public Optional<UUID> organisationOfIssuer(String issuerDid) {
    return organisations.byIssuerDid(issuerDid).map(Organisation::id);
  }

  private static Optional<UUID> parse(String name) {
    try {
      return Optional.of(UUID.fromString(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }
}
