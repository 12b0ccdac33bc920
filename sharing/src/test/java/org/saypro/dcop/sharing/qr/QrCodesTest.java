package org.saypro.dcop.sharing.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.core.offline.OfflineCredentialCodec;

/** Encoding, both renderings, the quiet zone, and the capacity the offline form is sized by. */
class QrCodesTest {

  private static final String URL = "https://credentials.saypro.online/c/6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
  private final ZxingQrDecoder decoder = new ZxingQrDecoder();

  private static QrSymbol symbol(String text, QrForm form) {
    return assertInstanceOf(QrEncoding.Encoded.class, ZxingQrEncoder.encode(text, form)).symbol();
  }

  @Test
  void thePageLinkRoundTripsThroughPngAtLevelQ() throws IOException {
    QrSymbol symbol = symbol(URL, QrForm.PAGE_LINK);
    byte[] png = QrPng.render(symbol, 5);

    assertEquals(new QrDecoding.Found(URL), decoder.decode(png));
    assertEquals("Q", symbol.form().errorCorrection());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(symbol.sizeWithQuietZone() * 5, image.getWidth());
    for (int i = 0; i < QrSymbol.QUIET_ZONE * 5; i++) {
      assertEquals(0xffffffff, image.getRGB(i, i), "the quiet zone is white");
    }
    assertEquals(0xff000000, image.getRGB(QrSymbol.QUIET_ZONE * 5, QrSymbol.QUIET_ZONE * 5),
        "a finder pattern's corner is dark");
  }

  @Test
  void theSvgPathDrawsExactlyTheDarkModules() {
    QrSymbol symbol = symbol(URL, QrForm.PAGE_LINK);
    String svg = QrSvg.render(symbol, 4);

    int side = symbol.sizeWithQuietZone();
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
        + "\" width=\"" + side * 4 + "\""), svg);
    boolean[][] drawn = new boolean[symbol.size()][symbol.size()];
    Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
    while (run.find()) {
      int y = Integer.parseInt(run.group(2)) - QrSymbol.QUIET_ZONE;
      for (int x = 0; x < Integer.parseInt(run.group(3)); x++) {
        drawn[y][Integer.parseInt(run.group(1)) - QrSymbol.QUIET_ZONE + x] = true;
      }
    }
    for (int y = 0; y < symbol.size(); y++) {
      for (int x = 0; x < symbol.size(); x++) {
        assertEquals(symbol.isDark(x, y), drawn[y][x], "module " + x + "," + y);
      }
    }
  }

  @Test
  void theOfflineLimitIsExactlyWhatVersion40HoldsAtLevelM() {
    String longest = OfflineCredentialCodec.PREFIX + "A".repeat(OfflineCredentialCodec.MAX_TEXT_LENGTH - 6);
    assertEquals(40, symbol(longest, QrForm.OFFLINE_CREDENTIAL).version());
    assertEquals("M", QrForm.OFFLINE_CREDENTIAL.errorCorrection());
    String reason = assertInstanceOf(QrEncoding.TooLarge.class,
        ZxingQrEncoder.encode(longest + "A", QrForm.OFFLINE_CREDENTIAL)).reason();
    assertTrue(reason.contains("level M"), reason);
  }

  @Test
  void textBeyondLatin1IsMarkedAsUtf8AndReadBackTheSame() {
    String text = "Zoë Coetzée — Ntombizodwa Ngcobo ✓";
    assertEquals(new QrDecoding.Found(text), decoder.decode(QrPng.render(symbol(text, QrForm.PAGE_LINK), 4)));
  }

  @Test
  void renderingRefusesAbsurdModuleSizes() {
    QrSymbol symbol = symbol(URL, QrForm.PAGE_LINK);
    assertThrows(IllegalArgumentException.class, () -> QrPng.render(symbol, 0));
    assertThrows(IllegalArgumentException.class, () -> QrSvg.render(symbol, QrPng.MAX_MODULE_PIXELS + 1));
    assertInstanceOf(QrEncoding.TooLarge.class, ZxingQrEncoder.encode("", QrForm.PAGE_LINK));
  }

  @Test
  void aSmallPixelLimitRefusesBeforeReading() {
    byte[] png = QrPng.render(symbol(URL, QrForm.PAGE_LINK), 4);
    QrDecoding decoding = new ZxingQrDecoder(100).decode(png);
    assertTrue(assertInstanceOf(QrDecoding.Unreadable.class, decoding).reason().contains("pixels"));
  }
}
