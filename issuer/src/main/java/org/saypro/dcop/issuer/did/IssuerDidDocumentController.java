package org.saypro.dcop.issuer.did;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.keys.HostedIssuerDids;
import org.saypro.dcop.web.ProblemException;
import org.saypro.dcop.web.ProblemType;

/** Serves an issuing organisation's DID document where did:web puts it: {@code /issuers/<slug>/did.json}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Identity")
class IssuerDidDocumentController {

  private final IssuerDidDocument documents;
  private final HostedIssuerDids dids;

  IssuerDidDocumentController(IssuerDidDocument documents, HostedIssuerDids dids) {
    this.documents = documents;
    this.dids = dids;
  }

  @Get(uri = "/issuers/{slug}/did.json", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "An issuing organisation's DID document (did:web:<host>:issuers:<slug>)",
      description = "Every key the organisation has had, active, retired or revoked, as JsonWebKey and Multikey"
          + " methods under assertionMethod; a revoked key carries `revoked` (an xsd:dateTime), and verifiers refuse"
          + " what it signed.")
  HttpResponse<String> didDocument(String slug) {
    ProblemException notFound = new ProblemException(ProblemType.NOT_FOUND, "no issuing organisation " + slug);
    if (!Organisation.isSlug(slug)) {
      throw notFound;
    }
    return documents.find(dids.organisationDid(slug))
        .map(document -> HttpResponse.ok(Json.writeString(document.toJson()))
            // short: a revocation must reach verifiers of other deployments soon
            .header("Cache-Control", "public, max-age=60"))
        .orElseThrow(() -> notFound);
  }
}
