package org.saypro.dcop.core.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.saypro.dcop.core.json.Json;
import org.saypro.dcop.core.jsonld.BundledContexts;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.model.Urls;

/**
 * The unsigned {@code BitstringStatusListCredential} for a list, ready to be secured like any credential. Only the
 * VC 2.0 context is used: it defines every status list term, so RDF canonicalization loses nothing. Immutable; each
 * {@code with} method returns a changed copy.
 */
public final class StatusListCredentialBuilder {

  private final String listUrl;
  private final String issuer;
  private final List<String> statusPurposes;
  private final Instant validFrom;
  private final Optional<Instant> validUntil;
  private final Optional<Duration> ttl;

  private StatusListCredentialBuilder(
      String listUrl,
      String issuer,
      List<String> statusPurposes,
      Instant validFrom,
      Optional<Instant> validUntil,
      Optional<Duration> ttl) {
    this.listUrl = listUrl;
    this.issuer = issuer;
    this.statusPurposes = List.copyOf(statusPurposes);
    this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
    this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    // The URL names the credential and, with #list, its subject; it cannot carry a fragment of its own.
    if (!Urls.isAbsolute(listUrl) || listUrl.indexOf('#') >= 0) {
      throw new IllegalArgumentException("the list URL must be an absolute URL without a fragment: " + listUrl);
    }
    if (!Urls.isAbsolute(issuer)) {
      throw new IllegalArgumentException("the issuer must be an absolute URL: " + issuer);
    }
    if (this.statusPurposes.isEmpty() || this.statusPurposes.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("a status list serves one or more non-empty purposes");
    }
    if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
      throw new IllegalArgumentException("validUntil is before validFrom");
    }
    if (ttl.isPresent() && ttl.get().isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative");
    }
  }

  /** The list published at {@code listUrl}, by {@code issuer}, for one purpose. */
  public static StatusListCredentialBuilder forList(String listUrl, String issuer, String statusPurpose, Instant validFrom) {
    return new StatusListCredentialBuilder(
        listUrl, issuer, List.of(statusPurpose), validFrom, Optional.empty(), Optional.empty());
  }

  /** One list for several purposes, e.g. revocation and suspension bits of different credentials side by side. */
  public StatusListCredentialBuilder withPurposes(List<String> purposes) {
    return new StatusListCredentialBuilder(listUrl, issuer, purposes, validFrom, validUntil, ttl);
  }

  public StatusListCredentialBuilder withValidUntil(Instant until) {
    return new StatusListCredentialBuilder(listUrl, issuer, statusPurposes, validFrom, Optional.of(until), ttl);
  }

  public StatusListCredentialBuilder withTtl(Duration timeToLive) {
    return new StatusListCredentialBuilder(
        listUrl, issuer, statusPurposes, validFrom, validUntil, Optional.of(timeToLive));
  }

  /** The subject's id: the list URL with {@code #list}, as in the specification's examples. */
  public String subjectId() {
    return listUrl + "#list";
  }

  /**
   * The credential carrying {@code bits}. Lists shorter than {@link Bitstring#MIN_ENTRIES} are refused: this service
   * does not publish lists that verifiers are told to reject and that single out their holders.
   */
  public ObjectNode build(Bitstring bits) {
    if (bits.length() < Bitstring.MIN_ENTRIES) {
      throw new IllegalArgumentException(
          "a published status list has at least " + Bitstring.MIN_ENTRIES + " entries, not " + bits.length());
    }
    ObjectNode credential = Json.newObject();
    credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2);
    credential.put("id", listUrl);
    credential.putArray("type").add(Credential.TYPE).add(BitstringStatusListCredential.TYPE);
    credential.put("issuer", issuer);
    credential.put("validFrom", timestamp(validFrom));
    validUntil.ifPresent(until -> credential.put("validUntil", timestamp(until)));
    ObjectNode subject = credential.putObject("credentialSubject");
    subject.put("id", subjectId());
    subject.put("type", BitstringStatusList.TYPE);
    if (statusPurposes.size() == 1) {
      subject.put("statusPurpose", statusPurposes.get(0));
    } else {
      ArrayNode purposes = subject.putArray("statusPurpose");
      statusPurposes.forEach(purposes::add);
    }
    subject.put("encodedList", EncodedList.encode(bits));
    ttl.ifPresent(value -> subject.put("ttl", value.toMillis()));
    return credential;
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
