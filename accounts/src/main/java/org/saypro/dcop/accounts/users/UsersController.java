package org.saypro.dcop.accounts.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saypro.dcop.accounts.authz.Authorizer;
import org.saypro.dcop.accounts.authz.Caller;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.accounts.signin.RequestBodies;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.web.JsonBodies;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/**
 * {@code POST /users}: platform admins create any user (a learner without organisation); an organisation's admin
 * creates users into their organisation (role {@code member} unless given).
 */
@Controller("/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organisations")
class UsersController {

  static final int MIN_PASSWORD = 12;

  private final Authorizer authorizer;
  private final AccountsAdmin admin;

  UsersController(Authorizer authorizer, AccountsAdmin admin) {
    this.authorizer = authorizer;
    this.admin = admin;
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a user",
      description = "{\"email\", \"displayName\", \"password\" (12 or more characters), \"organisation\": <slug>,"
          + " \"role\"}. Organisation admins must name their organisation.")
  HttpResponse<String> create(@Nullable Authentication authentication, @Body byte[] body) {
    authorizer.signedIn(authentication); // 401 before anything is read
    JsonNode json = JsonBodies.readObject(body, 16 * 1024);
    List<FieldError> errors = new ArrayList<>();
    Optional<String> email = RequestBodies.text(json, "email", 320, true, errors);
    if (email.isPresent() && !User.isEmail(email.get().strip())) {
      errors.add(new FieldError("/email", "must be an e-mail address"));
    }
    Optional<String> name = RequestBodies.text(json, "displayName", 200, true, errors);
    Optional<String> password = RequestBodies.text(json, "password", 1000, true, errors);
    if (password.isPresent() && password.get().length() < MIN_PASSWORD) {
      errors.add(new FieldError("/password", "must be at least " + MIN_PASSWORD + " characters"));
    }
    Optional<String> slug = RequestBodies.text(json, "organisation", 40, false, errors);
    Optional<Role> role = RequestBodies.text(json, "role", 40, false, errors).flatMap(label -> {
      Optional<Role> known = Role.fromLabel(label);
      if (known.isEmpty()) {
        errors.add(new FieldError("/role", "must be org_admin, officer, member or funder_viewer"));
      }
      return known;
    });
    Optional<Organisation> organisation = slug.map(authorizer::organisation);
    // who may: decided before the body's own errors are reported, so a refusal does not depend on them
    Caller caller = organisation.isPresent()
        ? authorizer.organisationAdmin(authentication, organisation.get())
        : authorizer.platformAdmin(authentication);
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the user is not valid", errors);
    }
    User user = admin.createUser(caller.actor(), email.get().strip(), name.get().strip(), password.get(), false,
        organisation, organisation.map(o -> role.orElse(Role.MEMBER)));
    return HttpResponse.<String>status(HttpStatus.CREATED)
        .body(Json.writeString(Json.newObject().put("id", user.id().toString()).put("email", user.email())
            .put("displayName", user.displayName())))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
