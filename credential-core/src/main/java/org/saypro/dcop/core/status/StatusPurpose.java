package org.saypro.dcop.core.status;

/**
 * The status purposes the specification reserves. Any other string is a valid purpose too, so purposes stay strings;
 * these are the ones that MUST mean what they say.
 */
public final class StatusPurpose {
  /** The credential is cancelled, for good. */
  public static final String REVOCATION = "revocation";
  /** The credential is not to be accepted for now; reversible. */
  public static final String SUSPENSION = "suspension";
  /** A newer credential is available from the refresh service; the credential stays valid. */
  public static final String REFRESH = "refresh";
  /** The entry's value selects one of its statusMessage entries. */
  public static final String MESSAGE = "message";

  private StatusPurpose() {}
}
