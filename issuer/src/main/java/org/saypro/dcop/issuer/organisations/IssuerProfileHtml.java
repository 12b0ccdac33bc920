package org.saypro.dcop.issuer.organisations;

import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.issuer.keys.PublishedKey;

/**
 * The issuer profile as a plain page for people who follow an issuer link: who the issuer is and how to check its
 * keys. Every value is escaped (names and descriptions are typed by organisations); no script, no external assets.
 */
final class IssuerProfileHtml {

  private IssuerProfileHtml() {}

  static String of(IssuerProfile profile, String baseUrl) {
    Organisation organisation = profile.organisation();
    StringBuilder html = new StringBuilder(2048)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(organisation.name())).append(" - issuer profile</title>\n</head>\n<body>\n")
        .append("<main>\n<h1>").append(escape(organisation.name())).append("</h1>\n")
        .append("<p>").append(escape(statement(profile))).append("</p>\n<dl>\n");
    item(html, "Kind", organisation.kind().label().replace('_', ' '));
    organisation.description().ifPresent(d -> item(html, "About", d));
    organisation.website().ifPresent(w -> html.append("<dt>Website</dt><dd><a href=\"").append(escape(w))
        .append("\" rel=\"nofollow noopener\">").append(escape(w)).append("</a></dd>\n"));
    profile.did().ifPresent(did -> {
      item(html, "DID", did);
      String document = IssuerProfileJson.didDocumentUrl(profile, baseUrl);
      html.append("<dt>DID document</dt><dd><a href=\"").append(escape(document)).append("\">")
          .append(escape(document)).append("</a></dd>\n");
    });
    html.append("</dl>\n");
    if (!profile.keys().isEmpty()) {
      html.append("<h2>Signing keys</h2>\n<table>\n<thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Algorithm</th>")
          .append("<th scope=\"col\">State</th><th scope=\"col\">Since</th></tr></thead>\n<tbody>\n");
      for (PublishedKey key : profile.keys()) {
        html.append("<tr><td><code>").append(escape(key.keyId())).append("</code></td><td>")
            .append(escape(key.algorithm().label())).append("</td><td>").append(escape(state(key)))
            .append("</td><td>").append(escape(key.createdAt().toString())).append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    return html.append("</main>\n</body>\n</html>\n").toString();
  }

  private static String statement(IssuerProfile profile) {
    String name = profile.organisation().name();
    return profile.did()
        .map(did -> "Credentials whose issuer is " + did + " are issued by " + name
            + ", and signed with the keys below.")
        .orElse(name + " does not issue credentials here.");
  }

  private static String state(PublishedKey key) {
    return key.revokedAt().map(at -> "revoked on " + at + ": what it signed is no longer accepted")
        .orElse(key.state().label());
  }

  private static void item(StringBuilder html, String term, String value) {
    html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
  }

  /** Text and attribute values alike: the five characters HTML gives meaning to. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
