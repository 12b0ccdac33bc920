package org.saypro.dcop.community.support;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.organisations.OrganisationStore;
import org.saypro.dcop.accounts.users.UserStore;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Users and organisations of accounts, read in a transaction of their own (accounts' stores hold none). */
@Singleton
public class AccountLookups {

  private final UserStore users;
  private final OrganisationStore organisations;

  AccountLookups(UserStore users, OrganisationStore organisations) {
    this.users = users;
    this.organisations = organisations;
  }

  /** The id of an existing user, or 404. */
  @Transactional(readOnly = true)
  public UUID existingUser(String id) {
    try {
      UUID user = UUID.fromString(id);
      if (users.byId(user).isPresent()) {
        return user;
      }
    } catch (IllegalArgumentException e) {
      // not a UUID: no such user either
    }
    throw new ProblemException(ProblemType.NOT_FOUND, "no user has the id " + id);
  }

  @Transactional(readOnly = true)
  public Optional<UUID> organisation(String slug) {
    return organisations.bySlug(slug).map(Organisation::id);
  }
}
