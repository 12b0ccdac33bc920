package org.saypro.dcop.sharing.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads a QR code from an uploaded photo or screenshot. The image's size is read from its header before any pixel is
 * decoded, so a small file that claims a huge image (a decompression bomb) is refused before it costs memory; large
 * photos are subsampled while they are read. ZXing's QR detector finds codes at any rotation (its finder patterns
 * say which way is up), so no rotated copies are tried; inverted codes (light on dark) are.
 */
public final class ZxingQrDecoder {

  /** The largest image accepted, in pixels: a 48-megapixel phone photo. */
  public static final long DEFAULT_MAX_PIXELS = 48_000_000L;

  /** Larger images are subsampled to about this many pixels while read: plenty for a QR code, bounded in memory. */
  static final long DECODE_PIXELS = 6_000_000L;

  private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");
  // no PURE_BARCODE key at all: ZXing switches to pure-barcode mode when the key is present, whatever its value
  private static final Map<DecodeHintType, Object> HINTS = Map.of(
      DecodeHintType.TRY_HARDER, Boolean.TRUE,
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
  /**
   * Last resort, for an image that is the code alone (a downloaded or screenshotted QR image): read the modules from
   * the code's bounding box, skipping finder-pattern detection, which misses about one dense code in ten when its
   * data happens to look like finder patterns.
   */
  private static final Map<DecodeHintType, Object> PURE = Map.of(
      DecodeHintType.PURE_BARCODE, Boolean.TRUE,
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

  private final long maxPixels;

  public ZxingQrDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  public ZxingQrDecoder(long maxPixels) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("the pixel limit is positive");
    }
    this.maxPixels = maxPixels;
  }

  public QrDecoding decode(byte[] file) {
    if (file == null || file.length == 0) {
      return new QrDecoding.Unreadable("the file is empty");
    }
    BufferedImage image;
    try {
      image = read(file);
    } catch (RefusedImage e) {
      return new QrDecoding.Unreadable(e.getMessage());
    } catch (IOException | RuntimeException e) {
      // the JDK's image readers signal damaged files with a range of runtime exceptions besides IOException
      return new QrDecoding.Unreadable("the image is damaged or incomplete");
    }
    return decode(image);
  }

  private BufferedImage read(byte[] file) throws IOException, RefusedImage {
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
      ImageReader reader = reader(input);
      try {
        reader.setInput(input, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width < 1 || height < 1 || width * height > maxPixels) {
          throw new RefusedImage("the image is " + width + " x " + height + " pixels; the limit is "
              + maxPixels / 1_000_000 + " megapixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt((double) width * height / DECODE_PIXELS));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  private static ImageReader reader(ImageInputStream input) throws RefusedImage {
    for (Iterator<ImageReader> readers = ImageIO.getImageReaders(input); readers.hasNext(); ) {
      ImageReader reader = readers.next();
      try {
        if (FORMATS.contains(reader.getFormatName().toLowerCase(java.util.Locale.ROOT))) {
          return reader;
        }
      } catch (IOException e) {
        // a reader that cannot name its format is not one of ours
      }
      reader.dispose();
    }
    throw new RefusedImage("not a PNG, JPEG or GIF image");
  }

  private static QrDecoding decode(BufferedImage image) {
    LuminanceSource source = new BufferedImageLuminanceSource(image);
    boolean seen = false;
    // the hybrid binarizer copes with uneven light in photos, the global one with small or low-contrast codes;
    // inverted, for light codes on dark screens (QRCodeReader itself ignores the ALSO_INVERTED hint)
    for (LuminanceSource luminance : List.of(source, new InvertedLuminanceSource(source))) {
      for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(luminance)),
          new BinaryBitmap(new GlobalHistogramBinarizer(luminance)))) {
        try {
          return new QrDecoding.Found(new QRCodeReader().decode(bitmap, HINTS).getText());
        } catch (ChecksumException | FormatException e) {
          seen = true;
        } catch (NotFoundException | RuntimeException e) {
          // not found this way; the next may see it
        }
      }
    }
    for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new GlobalHistogramBinarizer(source)),
        new BinaryBitmap(new HybridBinarizer(source)))) {
      try {
        return new QrDecoding.Found(new QRCodeReader().decode(bitmap, PURE).getText());
      } catch (ChecksumException | FormatException e) {
        seen = true;
      } catch (NotFoundException | RuntimeException e) {
        // not a lone code either
      }
    }
    return new QrDecoding.NotFound(seen
        ? "a QR code was seen but could not be read: it may be blurred, cut off or damaged"
        : "no QR code was found in the image");
  }

  /** An image refused for what its header says, before its pixels are read. */
  private static final class RefusedImage extends Exception {
    RefusedImage(String message) {
      super(message, null, false, false);
    }
  }
}
