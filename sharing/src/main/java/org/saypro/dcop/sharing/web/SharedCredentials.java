package org.saypro.dcop.sharing.web;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.saypro.dcop.core.issue.SecuredCredential;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.verify.CredentialVerifier;
import org.saypro.dcop.core.verify.SecuredInput;
import org.saypro.dcop.core.verify.VerificationReport;
import org.saypro.dcop.issuer.credentials.IssueCredentialService;
import org.saypro.dcop.issuer.credentials.StoredCredential;
import org.saypro.dcop.issuer.status.ChangeCredentialStatus;

/**
 * Credentials issued here as their pages see them: the stored form, what the holder chose to show, and a fresh
 * verification by the same verifier the VC API uses (nothing is taken on trust because it was issued here).
 */
@Singleton
class SharedCredentials {

  record Shared(StoredCredential stored, SharingStore.Sharing sharing) {
    boolean jwt() {
      return SecuredCredential.VcJwt.FORMAT.equals(stored.format());
    }
  }

  private final IssueCredentialService credentials;
  private final ChangeCredentialStatus statuses;
  private final SharingStore sharing;
  private final CredentialVerifier verifier;
  private final ShareCounters counters;

  SharedCredentials(IssueCredentialService credentials, ChangeCredentialStatus statuses, SharingStore sharing,
      CredentialVerifier verifier, ShareCounters counters) {
    this.credentials = credentials;
    this.statuses = statuses;
    this.sharing = sharing;
    this.verifier = verifier;
    this.counters = counters;
  }

  /** The credential, unless there is none or its holder hid it. */
  Optional<Shared> find(String uuid) {
    return parse(uuid).flatMap(id -> credentials.find(id).map(stored -> new Shared(stored, sharing.of(id))))
        .filter(shared -> shared.sharing().visibility() != Visibility.HIDDEN);
  }

  VerificationReport verify(StoredCredential stored) {
    SecuredInput input = SecuredCredential.VcJwt.FORMAT.equals(stored.format())
        ? new SecuredInput.VcJwt(stored.securedForm())
        : new SecuredInput.DataIntegrity(Json.parse(stored.securedForm()));
    return verifier.verify(input);
  }

  /** Verifies what someone brought, and counts it for the holder when it is a credential issued here. */
  VerificationReport verifyAndCount(SecuredInput input) {
    VerificationReport report = verifier.verify(input);
    report.credential().flatMap(c -> c.id()).flatMap(statuses::findByCredentialId).ifPresent(counters::verified);
    return report;
  }

  void viewed(UUID credential) {
    counters.viewed(credential);
  }

  private static Optional<UUID> parse(String text) {
    try {
      UUID uuid = UUID.fromString(text);
      return uuid.toString().equalsIgnoreCase(text) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
