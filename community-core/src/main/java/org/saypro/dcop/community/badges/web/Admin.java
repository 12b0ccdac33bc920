package org.saypro.dcop.community.badges.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.organisations.Organisation;

/** The caller, as an admin of the organisation whose rules the request is about (the API's and the pages'). */
record Admin(Caller caller, Organisation organisation) {

  /** 401 without sign-in, 404 for an unknown organisation, 403 unless its admin (or a platform admin). */
  static Admin of(Authorizer authorizer, @Nullable Authentication authentication, String slug) {
    authorizer.signedIn(authentication);
    Organisation organisation = authorizer.organisation(slug);
    return new Admin(authorizer.organisationAdmin(authentication, organisation), organisation);
  }
}
