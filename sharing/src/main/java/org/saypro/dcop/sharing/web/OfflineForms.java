package org.saypro.dcop.sharing.web;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.saypro.dcop.core.jose.VcJwtSigner;
import org.saypro.dcop.core.keys.KeyAlgorithm;
import org.saypro.dcop.core.keys.SigningKey;
import org.saypro.dcop.core.model.Credential;
import org.saypro.dcop.core.offline.MinimalCredential;
import org.saypro.dcop.core.offline.OfflineCredentialCodec;
import org.saypro.dcop.core.offline.OfflineEncoding;
import org.saypro.dcop.core.validation.CredentialValidator;
import org.saypro.dcop.core.validation.Validation;
import org.saypro.dcop.issuer.keys.HostedIssuerDids;
import org.saypro.dcop.issuer.keys.IssuerKeyRing;
import org.saypro.dcop.issuer.keys.IssuerKeys;

/**
 * The offline form of a credential issued here: its minimal Open Badge (ADR 17), signed as vc+jwt with the issuer's
 * current Ed25519 key (deterministic, so the same credential always gives the same code until a key rotation), then
 * compressed and Base45-encoded for a QR code's alphanumeric mode.
 */
@Singleton
class OfflineForms {

  private final CredentialValidator validator;
  private final HostedIssuerDids dids;
  private final IssuerKeys organisationKeys;
  private final IssuerKeyRing serviceKeys;

  OfflineForms(CredentialValidator validator, HostedIssuerDids dids, IssuerKeys organisationKeys,
      IssuerKeyRing serviceKeys) {
    this.validator = validator;
    this.dids = dids;
    this.organisationKeys = organisationKeys;
    this.serviceKeys = serviceKeys;
  }

  /** The QR text, or empty when the credential is not an Open Badge or its minimal form does not fit a QR code. */
  Optional<String> of(Credential full) {
    if (!full.isOpenBadge()) {
      return Optional.empty();
    }
    Validation minimal = validator.validate(MinimalCredential.of(full.json()));
    if (!(minimal instanceof Validation.Valid valid)) {
      return Optional.empty();
    }
    String issuer = full.issuer().id();
    Optional<SigningKey> key = dids.slugOf(issuer).isPresent()
        ? organisationKeys.active(issuer, KeyAlgorithm.ED25519)
        : Optional.of(serviceKeys.key(KeyAlgorithm.ED25519)).filter(k -> serviceKeys.issuerDid().equals(issuer));
    return key.map(k -> OfflineCredentialCodec.encode(VcJwtSigner.sign(valid.credential(), k)))
        .filter(encoding -> encoding instanceof OfflineEncoding.Encoded)
        .map(encoding -> ((OfflineEncoding.Encoded) encoding).text());
  }
}
