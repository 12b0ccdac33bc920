package org.saypro.dcop.community.resources;

import java.time.Instant;

/** A submitted version in a reviewer's queue, with its resource. */
public record QueuedVersion(Resource resource, int version, String fileName, Instant uploadedAt) {}
