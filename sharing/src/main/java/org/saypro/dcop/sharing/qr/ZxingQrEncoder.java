package org.saypro.dcop.sharing.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;

/**
 * Encodes text as a QR code with ZXing. ZXing picks the smallest version and the densest single mode the text
 * allows: alphanumeric for the offline form (upper case, digits and {@code $%*+-./: }), bytes for a link.
 */
public final class ZxingQrEncoder {

  private ZxingQrEncoder() {}

  public static QrEncoding encode(String text, QrForm form) {
    if (text == null || text.isEmpty()) {
      return new QrEncoding.TooLarge("there is no text to encode");
    }
    // ISO-8859-1 is the QR default; anything else is marked as UTF-8 so that readers decode it the same way
    Map<EncodeHintType, Object> hints = StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)
        ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    QRCode code;
    try {
      code = Encoder.encode(text, form.level(), hints);
    } catch (WriterException e) {
      return new QrEncoding.TooLarge("the text (" + text.length() + " characters) does not fit the largest QR code"
          + " at error correction level " + form.errorCorrection());
    }
    ByteMatrix matrix = code.getMatrix();
    BitSet dark = new BitSet(matrix.getWidth() * matrix.getHeight());
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        dark.set(y * matrix.getWidth() + x, matrix.get(x, y) == 1);
      }
    }
    return new QrEncoding.Encoded(
        new QrSymbol(code.getVersion().getVersionNumber(), form, matrix.getWidth(), dark));
  }
}
