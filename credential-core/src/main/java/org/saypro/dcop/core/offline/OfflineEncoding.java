package org.saypro.dcop.core.offline;

/** The outcome of packing a vc+jwt for an offline QR code: the text to encode, or why it cannot be carried. */
public sealed interface OfflineEncoding {

  /** The QR text: prefix, then the Base45 of the zlib-deflated token, in QR alphanumeric characters only. */
  record Encoded(String text) implements OfflineEncoding {
    public Encoded {
      if (text == null || !text.startsWith(OfflineCredentialCodec.PREFIX)) {
        throw new IllegalArgumentException("an offline credential text starts with " + OfflineCredentialCodec.PREFIX);
      }
    }
  }

  /** Refused: the token is not a compact JWS, or it would not fit a QR code. */
  record Refused(String reason) implements OfflineEncoding {
    public Refused {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a refusal says why");
      }
    }
  }
}
