package org.saypro.dcop.sharing.qr;

/** What reading a QR code from an uploaded image gave. Never an exception, whatever the file. */
public sealed interface QrDecoding {

  /** The text of the first QR code found. */
  record Found(String text) implements QrDecoding {
    public Found {
      if (text == null) {
        throw new IllegalArgumentException("a found QR code has a text");
      }
    }
  }

  /** The image was read, but no QR code in it could be decoded. */
  record NotFound(String reason) implements QrDecoding {
    public NotFound {
      requireReason(reason);
    }
  }

  /** The file is not an image this service reads, is too large, or is damaged. */
  record Unreadable(String reason) implements QrDecoding {
    public Unreadable {
      requireReason(reason);
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an outcome without a QR code says why");
    }
  }
}
