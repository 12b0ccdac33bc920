package org.saypro.dcop.web;

import io.micronaut.http.HttpStatus;
import java.net.URI;

/**
 * The catalogue of problem types. Their URIs are part of the API and never change; docs/problems.md describes each.
 */
public enum ProblemType {
  MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "The request body is not valid JSON"),
  INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "The request is not valid"),
  INVALID_CREDENTIAL("invalid-credential", HttpStatus.BAD_REQUEST, "The credential is not valid"),
  NOT_A_CREDENTIAL("not-a-credential", HttpStatus.BAD_REQUEST, "The input is not a credential"),
  NOT_A_PRESENTATION("not-a-presentation", HttpStatus.BAD_REQUEST, "The input is not a presentation"),
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Sign in first"),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
  FORM_EXPIRED("form-expired", HttpStatus.FORBIDDEN, "The form has expired or did not come from this site"),
  TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many attempts"),
  ALREADY_EXISTS("already-exists", HttpStatus.CONFLICT, "It already exists"),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is too large"),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused", HttpStatus.CONFLICT, "The Idempotency-Key was already used with another request"),
  DUPLICATE_CREDENTIAL_ID("duplicate-credential-id", HttpStatus.CONFLICT, "A credential with this id already exists"),
  REVOCATION_IS_FINAL(
      "revocation-is-final", HttpStatus.CONFLICT, "The credential is revoked, and revocation cannot be undone"),
  NO_STATUS_ENTRY(
      "no-status-entry", HttpStatus.CONFLICT, "The credential has no status entry to change"),
  DUPLICATE_QUALIFICATION(
      "duplicate-qualification", HttpStatus.CONFLICT, "The catalogue already has a qualification with this code"),
  NOT_AN_ISSUER("not-an-issuer", HttpStatus.CONFLICT, "The organisation does not issue credentials here"),
  REGISTRATION_CLOSED(
      "registration-closed", HttpStatus.CONFLICT, "Registration for this session has closed"),
  INVALID_BULK_FILE("invalid-bulk-file", HttpStatus.BAD_REQUEST, "The bulk file has rows that cannot be awarded"),
  LAST_PLATFORM_ADMIN(
      "last-platform-admin", HttpStatus.CONFLICT, "The only platform admin cannot be erased"),
  PERIOD_LOCKED("period-locked", HttpStatus.CONFLICT, "The reporting period is locked"),
  INVALID_IMPORT_FILE("invalid-import-file", HttpStatus.BAD_REQUEST, "The import file has rows that cannot be used"),
  INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
  SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

  public static final String BASE = "https://dcop.saypro.org/problems/";

  private final URI uri;
  private final HttpStatus status;
  private final String title;

  ProblemType(String slug, HttpStatus status, String title) {
    this.uri = URI.create(BASE + slug);
    this.status = status;
    this.title = title;
  }

  public URI uri() {
    return uri;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
