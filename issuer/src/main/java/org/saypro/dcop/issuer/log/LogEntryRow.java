package org.saypro.dcop.issuer.log;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code log_entry}: pending until the sequencer gives it a leaf index. */
@MappedEntity("log_entry")
record LogEntryRow(
    @Id @GeneratedValue @Nullable Long entryId,
    byte[] dataSha256,
    String kind,
    @Nullable UUID credentialUuid,
    @Nullable Long leafIndex,
    Instant createdAt) {}
