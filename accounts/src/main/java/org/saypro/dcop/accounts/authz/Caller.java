package org.saypro.dcop.accounts.authz;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.users.Membership;
import org.saypro.dcop.accounts.users.Role;
import org.saypro.dcop.accounts.users.User;

/** A signed-in user with the memberships read for this request (role changes apply at the next request). */
public record Caller(User user, List<Membership> memberships) {

  public Caller {
    Objects.requireNonNull(user, "user");
    memberships = List.copyOf(memberships);
  }

  /** What the audit and status changes record as the actor. */
  public String actor() {
    return user.id().toString();
  }

  public boolean platformAdmin() {
    return user.platformAdmin();
  }

  public Optional<Role> roleIn(UUID organisation) {
    return memberships.stream().filter(m -> m.organisationId().equals(organisation)).map(Membership::role).findFirst();
  }

  /** A learner holds no role in any organisation. */
  public boolean learner() {
    return memberships.isEmpty() && !platformAdmin();
  }
}
