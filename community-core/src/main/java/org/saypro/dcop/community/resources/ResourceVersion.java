package org.saypro.dcop.community.resources;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One uploaded file of a resource; mediaType is the sniffed type downloads are served with. */
public record ResourceVersion(UUID resourceId, int version, String storageKey, String fileName, String mediaType,
    long sizeBytes, String sha256, VersionState state, UUID uploadedBy, Instant uploadedAt,
    Optional<String> reviewNote, long downloads) {}
