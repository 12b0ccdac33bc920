package org.saypro.dcop.core.did;

/** What resolving a DID gave: its document, or why there is none. Never an exception for a bad DID. */
public sealed interface DidResolution {
  record Resolved(DidDocument document) implements DidResolution {}

  record Unresolvable(String did, String reason) implements DidResolution {}
}
