package org.saypro.dcop.core.status;

/** Every index of a status list is in use: the issuer has to start a new list. */
public final class StatusListFullException extends Exception {

  private final long length;

  public StatusListFullException(long length) {
    super("all " + length + " entries of the status list are in use; start a new list", null, false, false);
    this.length = length;
  }

  public long length() {
    return length;
  }
}
