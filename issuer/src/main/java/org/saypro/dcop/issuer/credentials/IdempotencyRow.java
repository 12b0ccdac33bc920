package org.saypro.dcop.issuer.credentials;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code idempotency_key}: which request a key was first used with, and what it produced. */
record IdempotencyRow(String idempotencyKey, byte[] requestSha256, UUID credentialUuid, Instant createdAt) {}
