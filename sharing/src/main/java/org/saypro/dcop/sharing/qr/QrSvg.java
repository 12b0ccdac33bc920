package org.saypro.dcop.sharing.qr;

/**
 * Renders a QR code as SVG: one path of horizontal runs of dark modules on a white square, quiet zone included, in
 * module units, so it stays sharp at any size. {@code shape-rendering="crispEdges"} keeps renderers from blurring the
 * edges between modules.
 */
public final class QrSvg {

  private QrSvg() {}

  /** @param modulePixels the default displayed size of a module; the image scales freely from its viewBox */
  public static String render(QrSymbol symbol, int modulePixels) {
    QrPng.requireModulePixels(modulePixels);
    int side = symbol.sizeWithQuietZone();
    StringBuilder svg = new StringBuilder(symbol.size() * symbol.size() * 3);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(side).append(' ').append(side)
        .append("\" width=\"").append(side * modulePixels).append("\" height=\"").append(side * modulePixels)
        .append("\" shape-rendering=\"crispEdges\">");
    svg.append("<rect width=\"").append(side).append("\" height=\"").append(side).append("\" fill=\"#fff\"/>");
    svg.append("<path fill=\"#000\" d=\"");
    for (int y = 0; y < symbol.size(); y++) {
      int x = 0;
      while (x < symbol.size()) {
        if (!symbol.isDark(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < symbol.size() && symbol.isDark(x, y)) {
          x++;
        }
        svg.append('M').append(start + QrSymbol.QUIET_ZONE).append(' ').append(y + QrSymbol.QUIET_ZONE)
            .append('h').append(x - start).append("v1h-").append(x - start).append('z');
      }
    }
    return svg.append("\"/></svg>").toString();
  }
}
