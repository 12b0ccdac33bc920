package org.saypro.dcop.issuer.did;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;

@Controller
@Tag(name = "Identity")
class DidDocumentController {

  private final IssuerKeyRing keyRing;

  DidDocumentController(IssuerKeyRing keyRing) {
    this.keyRing = keyRing;
  }

  @Get(uri = "/.well-known/did.json", produces = MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The issuer's DID document (did:web)",
      description = "Each signing key as a JsonWebKey verification method with publicKeyJwk, listed under assertionMethod.")
  HttpResponse<String> didDocument() {
    return HttpResponse.ok(Json.writeString(keyRing.didDocument().toJson()))
        .header("Cache-Control", "public, max-age=300");
  }
}
