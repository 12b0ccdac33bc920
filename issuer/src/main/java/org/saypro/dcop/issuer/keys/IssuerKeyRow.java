package org.saypro.dcop.issuer.keys;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code issuer_key}: a sealed private key and its public JWK. */
@MappedEntity("issuer_key")
record IssuerKeyRow(
    @Id String verificationMethodId,
    String issuerDid,
    String algorithm,
    String publicJwk,
    byte[] sealedNonce,
    byte[] sealedPrivateKey,
    String kekFingerprint,
    Instant createdAt) {}
