package org.saypro.dcop.issuer.did;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saypro.dcop.core.json.Json;

@Controller
@Tag(name = "Identity")
class DidDocumentController {

  private final IssuerDidDocument document;

  DidDocumentController(IssuerDidDocument document) {
    this.document = document;
  }

  @Get(uri = "/.well-known/did.json", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The issuer's DID document (did:web)",
      description = "Each signing key as a JsonWebKey verification method with publicKeyJwk and as a Multikey, listed"
          + " under assertionMethod; with anchoring on, a TransparencyLog service naming the log and its anchor"
          + " contract (CAIP-10).")
  HttpResponse<String> didDocument() {
    return HttpResponse.ok(Json.writeString(document.document().toJson()))
        .header("Cache-Control", "public, max-age=300");
  }
}
