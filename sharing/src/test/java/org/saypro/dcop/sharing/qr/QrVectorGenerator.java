package org.saypro.dcop.sharing.qr;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.saypro.dcop.sharing.VectorFiles;

/**
 * Writes the QR decoding vectors under {@code src/test/resources/vectors/qr}: pictures of the page link as people
 * upload them (a photo, a screenshot, an inverted code) and files that must be refused without harm. Random noise is
 * seeded, so a run rewrites the same pictures on the same JDK. {@code expected.json} beside them says what each gives.
 *
 * <p>Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.sharing.qr.QrVectorGenerator [output-dir]}.
 */
public final class QrVectorGenerator {

  static final String PAGE_URL = "https://credentials.saypro.online/c/6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

  private QrVectorGenerator() {}

  public static void main(String[] args) throws IOException {
    new VectorFiles("qr").write(args, render());
  }


  static Map<String, byte[]> render() throws IOException {
    QrSymbol symbol = ((QrEncoding.Encoded) ZxingQrEncoder.encode(PAGE_URL, QrForm.PAGE_LINK)).symbol();
    byte[] png = QrPng.render(symbol, 4);
    BufferedImage code = ImageIO.read(new ByteArrayInputStream(png));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("page-link.good.png", png);
    files.put("photo.good.jpg", jpeg(photo(code), 0.7f));
    files.put("screenshot.good.png", encode(screenshot(code), "png"));
    files.put("inverted.good.png", encode(inverted(code), "png"));
    files.put("no-code.bad.png", encode(gradient(800, 600), "png"));
    files.put("damaged-code.bad.png", encode(damaged(code), "png"));
    files.put("huge-dimensions.bad.png", hugePng());
    files.put("huge-dimensions.bad.jpg", hugeJpeg());
    files.put("truncated.bad.png", Arrays.copyOf(png, png.length / 2));
    files.put("not-an-image.bad.png", "<html><body>not a picture</body></html>".getBytes(StandardCharsets.US_ASCII));
    files.put("webp.bad.webp", webpHeader());
    files.put("empty.bad.png", new byte[0]);
    return files;
  }

  /** The code printed on paper on a desk, photographed at an angle with a noisy sensor and saved as JPEG. */
  private static BufferedImage photo(BufferedImage code) {
    BufferedImage photo = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setPaint(new GradientPaint(0, 0, new Color(92, 70, 52), 1600, 1200, new Color(150, 120, 90)));
    g.fillRect(0, 0, 1600, 1200);
    g.rotate(Math.toRadians(12), 800, 600);
    g.setColor(new Color(236, 232, 222));
    g.fillRect(380, 180, 840, 840);
    g.drawImage(code, 450, 250, 700, 700, null);
    g.dispose();
    Random noise = new Random(7);
    for (int y = 0; y < photo.getHeight(); y++) {
      for (int x = 0; x < photo.getWidth(); x++) {
        int rgb = photo.getRGB(x, y);
        int shade = (int) (noise.nextGaussian() * 12);
        photo.setRGB(x, y, clamp((rgb >> 16 & 0xff) + shade) << 16 | clamp((rgb >> 8 & 0xff) + shade) << 8
            | clamp((rgb & 0xff) + shade));
      }
    }
    float[] blur = new float[9];
    Arrays.fill(blur, 1f / 9);
    return new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null).filter(photo, null);
  }

  /** The code shrunk by a non-integer factor on a page with other things on it, as a phone screenshot shows it. */
  private static BufferedImage screenshot(BufferedImage code) {
    BufferedImage screen = new BufferedImage(1080, 1920, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = screen.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1080, 1920);
    g.setColor(new Color(20, 60, 120));
    g.fillRect(0, 0, 1080, 160);
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
    g.drawString("Higher Certificate in Early Childhood Development", 40, 300);
    g.drawString("Scan to verify", 40, 1500);
    int side = (int) (code.getWidth() * 1.37);
    g.drawImage(code, (1080 - side) / 2, 500, side, side, null);
    g.dispose();
    return screen;
  }

  private static BufferedImage inverted(BufferedImage code) {
    BufferedImage inverted = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < code.getHeight(); y++) {
      for (int x = 0; x < code.getWidth(); x++) {
        inverted.setRGB(x, y, ~code.getRGB(x, y) & 0xffffff);
      }
    }
    return inverted;
  }

  /** The code with a third of it painted over: more than level Q restores. */
  private static BufferedImage damaged(BufferedImage code) {
    BufferedImage damaged = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = damaged.createGraphics();
    g.drawImage(code, 0, 0, null);
    g.setColor(Color.BLACK);
    int quiet = QrSymbol.QUIET_ZONE * 4;
    g.fillRect(quiet + (code.getWidth() - 2 * quiet) / 3, quiet, (code.getWidth() - 2 * quiet) / 3,
        code.getHeight() - 2 * quiet);
    g.dispose();
    return damaged;
  }

  private static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  /** A valid 100-byte PNG whose header claims 60,000 x 60,000 pixels: 3.6 gigapixels, 10 GB as RGB. */
  private static byte[] hugePng() {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] header = {0, 0, (byte) 0xea, 0x60, 0, 0, (byte) 0xea, 0x60, 8, 2, 0, 0, 0};
    chunk(png, "IHDR", header);
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[4096]);
    deflater.finish();
    byte[] data = new byte[4096];
    int n = deflater.deflate(data);
    deflater.end();
    chunk(png, "IDAT", Arrays.copyOf(data, n));
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  /** A small JPEG whose frame header is patched to claim 65,000 x 65,000 pixels. */
  private static byte[] hugeJpeg() throws IOException {
    byte[] jpeg = jpeg(gradient(64, 64), 0.8f);
    for (int i = 0; i + 8 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
        jpeg[i + 5] = (byte) 0xfd;
        jpeg[i + 6] = (byte) 0xe8;
        jpeg[i + 7] = (byte) 0xfd;
        jpeg[i + 8] = (byte) 0xe8;
        return jpeg;
      }
    }
    throw new IllegalStateException("the JPEG writer wrote no baseline frame header");
  }

  private static byte[] webpHeader() {
    byte[] riff = "RIFF\u0024\0\0\0WEBPVP8 \u0018\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    return Arrays.copyOf(riff, riff.length + 24);
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    png.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
        (byte) data.length});
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    long value = crc.getValue();
    png.writeBytes(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
  }

  private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }
}
