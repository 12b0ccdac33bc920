package org.saypro.dcop.issuer.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Map;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.users.Role;
import org.saypro.dcop.issuer.catalogue.Catalogue;
import org.saypro.dcop.issuer.catalogue.Qualification;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** The organisation (and qualification) a console page is about, with the caller the Authorizer let through. */
@Singleton
class ConsoleOrganisation {

  record Officer(Caller caller, Organisation organisation) {
    boolean admin() {
      return caller.platformAdmin() || caller.roleIn(organisation.id()).filter(r -> r == Role.ORG_ADMIN).isPresent();
    }

    /** What every console page of an organisation shows in its navigation. */
    Map<String, Object> model() {
      return Map.of("slug", organisation.slug(), "name", organisation.name(), "admin", admin(),
          "issues", organisation.issuerDid().isPresent());
    }
  }

  private final Authorizer authorizer;
  private final Catalogue catalogue;

  ConsoleOrganisation(Authorizer authorizer, Catalogue catalogue) {
    this.authorizer = authorizer;
    this.catalogue = catalogue;
  }

  Officer officer(@Nullable Authentication authentication, String slug) {
    authorizer.signedIn(authentication);
    Organisation organisation = authorizer.organisation(slug);
    return new Officer(authorizer.officerOf(authentication, organisation), organisation);
  }

  Officer admin(@Nullable Authentication authentication, String slug) {
    authorizer.signedIn(authentication);
    Organisation organisation = authorizer.organisation(slug);
    return new Officer(authorizer.organisationAdmin(authentication, organisation), organisation);
  }

  Qualification qualification(Organisation organisation, String code) {
    return catalogue.find(organisation, code).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
        organisation.name() + " has no qualification " + code));
  }

  /** Issuing pages need the organisation to have its own DID. */
  static void requireIssuer(Organisation organisation) {
    if (organisation.issuerDid().isEmpty()) {
      throw new ProblemException(ProblemType.NOT_AN_ISSUER, organisation.name() + " does not issue credentials here;"
          + " an admin can enable issuing for it");
    }
  }

  static Map<String, Object> qualificationModel(Qualification q) {
    return Map.of("code", q.code(), "title", q.title(), "type", q.achievementType(),
        "credits", q.credits().isPresent() ? Integer.toString(q.credits().getAsInt()) : "",
        "validity", q.validityMonths().isPresent() ? q.validityMonths().getAsInt() + " months" : "no end");
  }
}
