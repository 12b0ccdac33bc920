// The OpenAPI documents are generated at compile time, one per module (see docs/architecture.md).
window.ui = SwaggerUIBundle({
  urls: [
    { url: "/openapi/dcop-issuer-1.yml", name: "Issuer" },
    { url: "/openapi/dcop-verifier-1.yml", name: "Verifier" },
    { url: "/openapi/dcop-accounts-1.yml", name: "Accounts" },
    { url: "/openapi/dcop-sharing-1.yml", name: "Sharing" },
    { url: "/openapi/dcop-community-1.yml", name: "Community" }
  ],
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout"
});
