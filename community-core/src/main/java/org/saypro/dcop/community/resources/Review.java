package org.saypro.dcop.community.resources;

/** What a review decided: published with the resource.published event's id, or sent back to the author. */
public sealed interface Review {

  record Published(int version, long eventId) implements Review {}

  record Rejected(int version) implements Review {}
}
