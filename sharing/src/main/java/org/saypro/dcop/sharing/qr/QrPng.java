package org.saypro.dcop.sharing.qr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Renders a QR code as a black-and-white PNG, quiet zone included, each module a square of whole pixels. */
public final class QrPng {

  /** Enough for print at 300 dpi with modules of 0.5 mm and more, small enough to bound the image. */
  public static final int MAX_MODULE_PIXELS = 32;

  private QrPng() {}

  public static byte[] render(QrSymbol symbol, int modulePixels) {
    requireModulePixels(modulePixels);
    int side = symbol.sizeWithQuietZone() * modulePixels;
    // one bit a pixel, 0 black and 1 white in the default binary palette
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = image.getRaster();
    int[] white = new int[side];
    java.util.Arrays.fill(white, 1);
    for (int row = 0; row < side; row++) {
      raster.setSamples(0, row, side, 1, 0, white);
    }
    int[] black = new int[modulePixels * modulePixels];
    int offset = QrSymbol.QUIET_ZONE * modulePixels;
    for (int y = 0; y < symbol.size(); y++) {
      for (int x = 0; x < symbol.size(); x++) {
        if (symbol.isDark(x, y)) {
          raster.setSamples(offset + x * modulePixels, offset + y * modulePixels, modulePixels, modulePixels, 0, black);
        }
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG to memory cannot fail", e);
    }
    return png.toByteArray();
  }

  static void requireModulePixels(int modulePixels) {
    if (modulePixels < 1 || modulePixels > MAX_MODULE_PIXELS) {
      throw new IllegalArgumentException("a module is 1 to " + MAX_MODULE_PIXELS + " pixels, not " + modulePixels);
    }
  }
}
