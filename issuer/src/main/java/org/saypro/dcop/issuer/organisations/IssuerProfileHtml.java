package org.saypro.dcop.issuer.organisations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.saypro.dcop.accounts.organisations.Organisation;
import org.saypro.dcop.issuer.keys.PublishedKey;
import org.saypro.dcop.web.Markup;

/**
 * The issuer profile as a plain page for people who follow an issuer link: who the issuer is and how to check its
 * keys. Every value is escaped (names and descriptions are typed by organisations); no script, no external assets.
 */
final class IssuerProfileHtml {

  /**
   * The look of the console pages (views/fragments/page.html), kept small. Long unbroken values (DIDs, URLs, key
   * ids) may wrap anywhere, and each key is a small card rather than a table row, so that the page fits a 320 px
   * wide phone screen.
   */
  private static final String STYLE = """
      <style>
      body { margin: 0 auto; max-width: 60rem; padding: 0.75rem 1rem; overflow-wrap: anywhere; color: #1b1b1b;
        background: #fff; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      a { color: #0b5394; }
      h1 { font-size: 1.5rem; line-height: 1.25; }
      h2 { font-size: 1.2rem; margin-top: 1.5rem; }
      dt { font-weight: 600; }
      dd { margin: 0 0 0.5rem; }
      .keys { list-style: none; padding: 0; }
      .keys li { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
      .keys dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.75rem; margin: 0.25rem 0 0; }
      .keys dd { margin: 0; }
      </style>
      """;
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private IssuerProfileHtml() {}

  static String of(IssuerProfile profile, String baseUrl) {
    Organisation organisation = profile.organisation();
    StringBuilder html = new StringBuilder(2048)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append(STYLE)
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
      html.append("<h2>Signing keys</h2>\n<ul class=\"keys\">\n");
      for (PublishedKey key : profile.keys()) {
        html.append("<li><code>").append(escape(key.keyId())).append("</code>\n<dl>\n");
        item(html, "Algorithm", key.algorithm().label());
        html.append("<dt>State</dt><dd>").append(stateHtml(key)).append("</dd>\n")
            .append("<dt>Since</dt><dd>").append(time(key.createdAt())).append("</dd>\n</dl>\n</li>\n");
      }
      html.append("</ul>\n");
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

  private static String stateHtml(PublishedKey key) {
    return key.revokedAt().map(at -> "revoked on " + time(at) + ": what it signed is no longer accepted")
        .orElse(escape(key.state().label()));
  }

  /** To the minute for people, exact in the attribute for machines. */
  private static String time(Instant at) {
    return "<time datetime=\"" + at + "\">" + MINUTES.format(at) + "</time>";
  }

  private static void item(StringBuilder html, String term, String value) {
    html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
  }

  /** Text and attribute values alike: the five characters HTML gives meaning to. */
  static String escape(String text) {
    return Markup.escape(text);
  }
}
