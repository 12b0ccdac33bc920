package org.saypro.dcop.sharing.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The two QR codes a credential is shared with, each with the error correction that suits it. */
public enum QrForm {

  /**
   * The link to the credential's public page. Level Q restores up to 25 % of the symbol, for certificates that get
   * folded, scuffed or photocopied; a short link stays a small symbol even so.
   */
  PAGE_LINK(ErrorCorrectionLevel.Q),

  /**
   * The signed credential itself (ADR 17). Level M restores up to 15 %: at this size the symbol's density, not damage,
   * is what stops a phone from reading it, and Q would need about five more versions (20 more modules a side) for the
   * same text.
   */
  OFFLINE_CREDENTIAL(ErrorCorrectionLevel.M);

  private final ErrorCorrectionLevel level;

  QrForm(ErrorCorrectionLevel level) {
    this.level = level;
  }

  ErrorCorrectionLevel level() {
    return level;
  }

  /** The error correction level's letter (L, M, Q or H), for people and documentation. */
  public String errorCorrection() {
    return level.name();
  }
}
