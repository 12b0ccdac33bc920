package org.saypro.dcop.community.resources;

import java.util.Optional;

/** A library search: words (web search syntax) and exact filters, each optional. */
public record ResourceFilter(Optional<String> query, Optional<ResourceKind> kind, Optional<String> group,
    Optional<String> tag, Optional<String> licence) {}
