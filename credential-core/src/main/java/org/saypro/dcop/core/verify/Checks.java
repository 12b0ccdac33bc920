package org.saypro.dcop.core.verify;

/** The names of the checks: part of the public API, so they never change. */
public final class Checks {
  public static final String FORMAT = "format";
  public static final String SIGNATURE = "signature";
  public static final String ISSUER = "issuer";
  public static final String VALIDITY = "validity";
  public static final String ANCHOR = "anchor";
  public static final String STATUS = "status";

  /** The checks a credential must pass to be verified; others (anchor) may also be pending or skipped. */
  public static final java.util.Set<String> ESSENTIAL = java.util.Set.of(FORMAT, SIGNATURE, ISSUER, VALIDITY);

  private Checks() {}
}
