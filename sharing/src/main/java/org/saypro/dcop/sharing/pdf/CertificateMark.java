package org.saypro.dcop.sharing.pdf;

/** The standing a certificate is printed with; anything but {@link #NONE} is stamped across the page. */
public enum CertificateMark {
  NONE("", ""),
  EXPIRED("EXPIRED", "This credential has expired."),
  SUSPENDED("SUSPENDED", "This credential has been suspended by its issuer."),
  REVOKED("REVOKED", "This credential has been revoked by its issuer.");

  private final String stamp;
  private final String notice;

  CertificateMark(String stamp, String notice) {
    this.stamp = stamp;
    this.notice = notice;
  }

  /** The word stamped across the page. */
  public String stamp() {
    return stamp;
  }

  /** The sentence printed above the title. */
  public String notice() {
    return notice;
  }
}
