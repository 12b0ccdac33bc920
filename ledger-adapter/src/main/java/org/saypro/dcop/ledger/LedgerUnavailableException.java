package org.saypro.dcop.ledger;

/**
 * A read could not be answered because the node cannot be reached or answered with an error. Reads throw it rather
 * than return an empty result so that "not anchored" is never confused with "could not ask".
 */
public final class LedgerUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LedgerUnavailableException(String message) {
    super(message);
  }

  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
