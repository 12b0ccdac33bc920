package org.saypro.dcop.issuer.organisations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.issuer.keys.PublishedKey;

/** The JSON form of an issuer profile, shared by the public page and the admin endpoints. */
final class IssuerProfileJson {

  private IssuerProfileJson() {}

  static ObjectNode of(IssuerProfile profile, String baseUrl) {
    Organisation organisation = profile.organisation();
    ObjectNode json = Json.newObject()
        .put("slug", organisation.slug())
        .put("name", organisation.name())
        .put("kind", organisation.kind().label());
    organisation.description().ifPresent(d -> json.put("description", d));
    organisation.website().ifPresent(w -> json.put("website", w));
    json.put("issuing", profile.did().isPresent());
    profile.did().ifPresent(did -> json.put("did", did).put("didDocument", didDocumentUrl(profile, baseUrl)));
    ArrayNode keys = json.putArray("keys");
    for (PublishedKey key : profile.keys()) {
      ObjectNode node = keys.addObject()
          .put("keyId", key.keyId())
          .put("verificationMethod", key.verificationMethodId())
          .put("multikeyVerificationMethod", key.multikeyVerificationMethodId())
          .put("algorithm", key.algorithm().label())
          .put("state", key.state().label())
          .put("created", key.createdAt().toString());
      key.retiredAt().ifPresent(at -> node.put("retired", at.toString()));
      key.revokedAt().ifPresent(at -> node.put("revoked", at.toString()));
    }
    return json;
  }

  /** SayPro's DID is the service's own, whose document lives at the well-known path. */
  static String didDocumentUrl(IssuerProfile profile, String baseUrl) {
    return profile.did().orElseThrow().contains(":issuers:")
        ? baseUrl + "/issuers/" + profile.organisation().slug() + "/did.json"
        : baseUrl + "/.well-known/did.json";
  }
}
