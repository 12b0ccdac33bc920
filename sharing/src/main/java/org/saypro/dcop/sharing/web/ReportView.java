package org.saypro.dcop.sharing.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * A verification report and the credential it is about, as the values a page shows. Everything that comes from a
 * credential is handed to the template as text, which escapes it.
 */
final class ReportView {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

  private ReportView() {}

  /** @param explorerTx a URL with {@code {hash}} for ledger transactions, or empty to show hashes unlinked */
  static Map<String, Object> of(VerificationReport report, String explorerTx) {
    Map<String, Object> model = new HashMap<>();
    model.put("verified", report.verified());
    model.put("headline", headline(report));
    model.put("checks", report.checks().stream().map(c -> check(c, explorerTx)).toList());
    model.put("hasCredential", report.credential().isPresent());
    model.put("credential", report.credential().map(ReportView::credential).orElse(Map.of()));
    return model;
  }

  private static String headline(VerificationReport report) {
    if (report.verified()) {
      return "Verified";
    }
    boolean failed = report.checks().stream().anyMatch(c -> c.status() == CheckResult.Status.FAILED);
    return failed ? "Not verified" : "Could not be fully checked";
  }

  private static Map<String, Object> check(CheckResult result, String explorerTx) {
    Map<String, Object> check = new HashMap<>();
    check.put("name", result.check());
    check.put("question", CheckWording.question(result.check()));
    check.put("answer", CheckWording.answer(result.status()));
    check.put("status", result.status().label());
    check.put("detail", result.detail());
    check.put("essential", Checks.ESSENTIAL.contains(result.check()));
    Optional<String> hash = result instanceof CheckResult.Passed passed
        ? passed.transaction().map(t -> t.hash()) : Optional.empty();
    check.put("transaction", hash.orElse(""));
    check.put("transactionUrl", hash.filter(h -> !explorerTx.isBlank()).map(h -> explorerTx.replace("{hash}", h))
        .orElse(""));
    return check;
  }

  static Map<String, Object> credential(Credential credential) {
    JsonNode json = credential.json();
    JsonNode subjects = json.path("credentialSubject");
    JsonNode subject = subjects.isArray() ? subjects.path(0) : subjects;
    JsonNode achievement = subject.path("achievement");
    Map<String, Object> model = new HashMap<>();
    model.put("title", credential.achievement().map(a -> a.name())
        .or(() -> text(json, "name")).orElse("A verifiable credential"));
    model.put("description", credential.achievement().flatMap(a -> a.description())
        .or(() -> text(json, "description")).orElse(""));
    model.put("criteria", credential.achievement().flatMap(a -> a.criteria()).orElse(""));
    model.put("achievementType", text(achievement, "achievementType").orElse(""));
    model.put("recipient", text(subject, "name").or(() -> namedIdentity(subject)).orElse(""));
    model.put("recipientHashed", hashedIdentity(subject));
    model.put("subjectId", credential.primarySubjectId().orElse(""));
    model.put("issuerName", credential.issuer().name().orElse(credential.issuer().id()));
    model.put("issuerId", credential.issuer().id());
    model.put("validFrom", credential.validFrom().map(DAY::format).orElse(""));
    model.put("validUntil", credential.validUntil().map(DAY::format).orElse(""));
    model.put("expired", credential.validUntil().map(u -> u.isBefore(Instant.now())).orElse(false));
    model.put("types", String.join(", ", credential.types()));
    return model;
  }

  /** The state a certificate is marked with: revoked, suspended, expired, or none. */
  static Optional<String> mark(VerificationReport report) {
    Optional<CheckResult> status = report.check(Checks.STATUS);
    if (status.isPresent() && status.get().status() == CheckResult.Status.FAILED) {
      return Optional.of(status.get().detail().contains("revoked") ? "REVOKED" : "SUSPENDED");
    }
    boolean expired = report.credential().flatMap(Credential::validUntil).map(u -> u.isBefore(Instant.now()))
        .orElse(false);
    return expired ? Optional.of("EXPIRED") : Optional.empty();
  }

  /** Open Badges names the learner with an unhashed IdentityObject of identityType "name". */
  private static Optional<String> namedIdentity(JsonNode subject) {
    for (JsonNode identity : subject.path("identifier")) {
      if ("name".equals(identity.path("identityType").asText()) && !identity.path("hashed").asBoolean(true)) {
        return text(identity, "identityHash");
      }
    }
    return Optional.empty();
  }

  private static boolean hashedIdentity(JsonNode subject) {
    for (JsonNode identity : subject.path("identifier")) {
      if (identity.path("hashed").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
