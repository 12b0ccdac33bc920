package org.saypro.dcop.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.json.MalformedJsonException;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.validation.FieldError;
import org.saypro.dcop.core.verify.CheckResult;
import org.saypro.dcop.core.verify.CheckStatus;
import org.saypro.dcop.core.verify.Checks;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;

/**
 * The {@code status} check for Bitstring Status List entries. Each list is fetched once per check, must itself
 * verify (signature, issuer key, validity) and must be issued by the credential's own issuer: anyone else's list says
 * nothing about this credential. A set revocation or suspension bit fails the check; a list that cannot be fetched
 * makes it indeterminate, never passed.
 */
public final class BitstringStatusCheck implements CheckStatus {

  private static final int MAX_ENTRIES = 8;

  private final FetchStatusList fetch;
  private final Function<SecuredInput, VerificationReport> verifyList;
  private final StatusChangeTimes times;
  private final StatusCheck statusCheck;

  /**
   * @param verifyList verifies a list credential: a verifier without a status check of its own, so that a list
   *     pointing at itself cannot recurse
   */
  public BitstringStatusCheck(
      FetchStatusList fetch, Function<SecuredInput, VerificationReport> verifyList, StatusChangeTimes times) {
    this.fetch = fetch;
    this.verifyList = verifyList;
    this.times = times;
    this.statusCheck = StatusCheck.standard();
  }

  @Override
  public CheckResult check(Credential credential) {
    JsonNode json = credential.json();
    if (!json.has("credentialStatus")) {
      return new CheckResult.Skipped(Checks.STATUS, "the credential carries no status entry: it cannot be revoked");
    }
    Parsed<List<BitstringStatusListEntry>> parsed = StatusEntryParser.entriesOf(json);
    if (parsed instanceof Parsed.Invalid<List<BitstringStatusListEntry>> invalid) {
      return new CheckResult.Failed(Checks.STATUS, "credentialStatus is malformed: " + describe(invalid.errors()));
    }
    List<BitstringStatusListEntry> entries = ((Parsed.Valid<List<BitstringStatusListEntry>>) parsed).value();
    if (entries.isEmpty()) {
      return new CheckResult.Skipped(
          Checks.STATUS, "the credential's status entries are of types other than BitstringStatusListEntry");
    }
    if (entries.size() > MAX_ENTRIES) {
      return new CheckResult.Failed(Checks.STATUS, "more than " + MAX_ENTRIES + " status entries");
    }
    String issuer = credential.issuer().id();
    Map<String, Loaded> lists = new HashMap<>();
    List<String> fine = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (BitstringStatusListEntry entry : entries) {
      Loaded list = lists.computeIfAbsent(entry.statusListCredential(), url -> load(url, issuer));
      if (list instanceof Loaded.Unreachable unreachable) {
        unknown.add(entry.statusPurpose() + ": " + unreachable.reason());
        continue;
      }
      if (list instanceof Loaded.Refused refused) {
        failed.add(entry.statusPurpose() + ": " + refused.reason());
        continue;
      }
      StatusOutcome outcome = statusCheck.check(entry, ((Loaded.Found) list).credential());
      if (outcome instanceof StatusOutcome.Mismatch mismatch) {
        failed.add(entry.statusPurpose() + ": " + mismatch.describe());
      } else if (outcome instanceof StatusOutcome.Set set) {
        String since = since(entry);
        if (isRevocationOrSuspension(set.purpose())) {
          failed.add((set.purpose().equals(StatusPurpose.REVOCATION) ? "revoked" : "suspended") + since);
        } else {
          fine.add(set.purpose() + ": " + set.message() + since);
        }
      } else {
        StatusOutcome.Unset unset = (StatusOutcome.Unset) outcome;
        fine.add(isRevocationOrSuspension(unset.purpose())
            ? (unset.purpose().equals(StatusPurpose.REVOCATION) ? "not revoked" : "not suspended")
            : unset.purpose() + ": " + unset.message());
      }
    }
    if (!failed.isEmpty()) {
      return new CheckResult.Failed(Checks.STATUS, String.join("; ", failed));
    }
    if (!unknown.isEmpty()) {
      return new CheckResult.Indeterminate(
          Checks.STATUS, "the status could not be read, so the credential may be revoked: " + String.join("; ", unknown));
    }
    return new CheckResult.Passed(
        Checks.STATUS, String.join("; ", fine) + " (per the issuer's signed status list" + (lists.size() > 1 ? "s" : "")
            + ")");
  }

  private sealed interface Loaded {
    record Found(BitstringStatusListCredential credential) implements Loaded {}

    /** The list is there but cannot be trusted or read: a failure. */
    record Refused(String reason) implements Loaded {}

    record Unreachable(String reason) implements Loaded {}
  }

  private Loaded load(String url, String issuer) {
    FetchStatusList.Fetched fetched = fetch.fetch(url);
    if (fetched instanceof FetchStatusList.Fetched.Unreachable unreachable) {
      return new Loaded.Unreachable("the status list " + url + " could not be fetched: " + unreachable.reason());
    }
    String body = ((FetchStatusList.Fetched.Found) fetched).body().strip();
    SecuredInput input;
    if (body.startsWith("{")) {
      try {
        input = new SecuredInput.DataIntegrity(Json.parse(body));
      } catch (MalformedJsonException e) {
        return new Loaded.Refused("the status list " + url + " is not JSON");
      }
    } else {
      input = new SecuredInput.VcJwt(body);
    }
    VerificationReport report = verifyList.apply(input);
    if (!report.verified() || report.credential().isEmpty()) {
      List<String> reasons = report.failures().stream().map(f -> f.check() + ": " + f.detail()).toList();
      return new Loaded.Refused("the status list " + url + " does not verify (" + String.join("; ", reasons) + ")");
    }
    Credential list = report.credential().get();
    if (!list.issuer().id().equals(issuer)) {
      return new Loaded.Refused(
          "the status list " + url + " is issued by " + list.issuer().id() + ", not by the credential's issuer " + issuer);
    }
    Parsed<BitstringStatusListCredential> parsed = StatusListCredentialParser.parse(list.json());
    if (parsed instanceof Parsed.Invalid<BitstringStatusListCredential> invalid) {
      return new Loaded.Refused(
          "the document at " + url + " is not a BitstringStatusListCredential: " + describe(invalid.errors()));
    }
    return new Loaded.Found(((Parsed.Valid<BitstringStatusListCredential>) parsed).value());
  }

  private String since(BitstringStatusListEntry entry) {
    if (entry.index().isEmpty()) {
      return "";
    }
    return times.lastChange(entry.statusListCredential(), entry.index().getAsLong())
        .map(recorded -> " since " + recorded.at()
            + recorded.leafIndex().stream().mapToObj(leaf -> " (entry " + leaf + " of the transparency log)")
                .findFirst().orElse(" (recorded in the transparency log, not yet integrated)"))
        .orElse("");
  }

  private static boolean isRevocationOrSuspension(String purpose) {
    return purpose.equals(StatusPurpose.REVOCATION) || purpose.equals(StatusPurpose.SUSPENSION);
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream().limit(5).map(e -> (e.pointer().isEmpty() ? "" : e.pointer() + " ") + e.message())
        .reduce((a, b) -> a + "; " + b).orElse("");
  }
}
