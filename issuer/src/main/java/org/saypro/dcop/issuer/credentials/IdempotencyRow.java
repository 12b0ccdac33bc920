package org.saypro.dcop.issuer.credentials;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code idempotency_key}: which request a key was first used with, and what it produced. */
@MappedEntity("idempotency_key")
record IdempotencyRow(@Id String idempotencyKey, byte[] requestSha256, UUID credentialUuid, Instant createdAt) {}
