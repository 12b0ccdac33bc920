package org.saypro.dcop.sharing.qr;

import java.util.Objects;

/** The outcome of encoding a text as a QR code: the symbol, or why the text does not fit one. */
public sealed interface QrEncoding {

  record Encoded(QrSymbol symbol) implements QrEncoding {
    public Encoded {
      Objects.requireNonNull(symbol);
    }
  }

  record TooLarge(String reason) implements QrEncoding {
    public TooLarge {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a refusal says why");
      }
    }
  }
}
