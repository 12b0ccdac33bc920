package org.saypro.dcop.core.jsonld;

/** The document cannot be canonicalized: an unknown context, invalid JSON-LD, or too costly a graph. */
public final class CanonicalizationException extends Exception {
  public CanonicalizationException(String message) {
    super(message, null, false, false);
  }
}
