package org.saypro.dcop.community.channels;

import java.util.UUID;

/** What an author's change to their message did. */
public sealed interface MessageChange {

  UUID message();

  record Edited(UUID message) implements MessageChange {}

  record Deleted(UUID message) implements MessageChange {}
}
