package org.saypro.dcop.sharing.baking;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;

/**
 * Draws {@code default-badge.png}, the same shapes as {@code default-badge.svg}, with Java 2D: the project needs no SVG
 * rasteriser for one image. Run from the repository root or the module directory:
 * {@code java -cp <test classpath> org.saypro.dcop.sharing.baking.DefaultBadgeGenerator}.
 */
public final class DefaultBadgeGenerator {

  private static final Color BLUE = new Color(0x1d4f91);

  private DefaultBadgeGenerator() {}

  public static void main(String[] args) throws IOException {
    Path resources = Paths.get("src/main/resources/org/saypro/dcop/sharing/baking");
    Path dir = Files.isDirectory(Paths.get("sharing")) ? Paths.get("sharing").resolve(resources) : resources;
    ImageIO.write(draw(), "png", dir.resolve("default-badge.png").toFile());
    System.out.println("wrote " + dir.resolve("default-badge.png").toAbsolutePath());
  }

  static BufferedImage draw() {
    BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(BLUE);
    g.fill(polygon(84, 150, 52, 236, 88, 220, 106, 252, 128, 176));
    g.fill(polygon(172, 150, 204, 236, 168, 220, 150, 252, 128, 176));
    g.setColor(new Color(0xf2b233));
    g.fill(new Ellipse2D.Double(28, 8, 200, 200));
    g.setColor(new Color(0xfff7e0));
    g.fill(new Ellipse2D.Double(46, 26, 164, 164));
    g.setColor(BLUE);
    g.setStroke(new BasicStroke(6));
    g.draw(new Ellipse2D.Double(46, 26, 164, 164));
    g.fill(polygon(128, 52, 143, 90, 184, 92, 152, 117, 163, 157, 128, 134, 93, 157, 104, 117, 72, 92, 113, 90));
    g.dispose();
    return image;
  }

  private static Path2D polygon(int... points) {
    Path2D path = new Path2D.Double();
    path.moveTo(points[0], points[1]);
    for (int i = 2; i < points.length; i += 2) {
      path.lineTo(points[i], points[i + 1]);
    }
    path.closePath();
    return path;
  }
}
