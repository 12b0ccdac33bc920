package org.saypro.dcop.sharing.baking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A plain badge (a star on a rosette, 256 x 256) for achievements that have no image of their own, so that every
 * credential can still be baked. The PNG is a rendering of the SVG, made by {@code DefaultBadgeGenerator} in the tests.
 */
public final class DefaultBadge {

  private static final byte[] PNG = load("default-badge.png");
  private static final byte[] SVG = load("default-badge.svg");

  private DefaultBadge() {}

  public static byte[] png() {
    return PNG.clone();
  }

  public static byte[] svg() {
    return SVG.clone();
  }

  private static byte[] load(String name) {
    try (InputStream in = DefaultBadge.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the sharing module's resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
