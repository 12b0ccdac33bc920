package org.saypro.dcop.community.impact.charts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Server-rendered SVG charts, built as strings: no chart library and no script, so they load on slow connections
 * and print. Colours meet 3:1 against white (WCAG 1.4.11); each chart is role="img" with a title and a description,
 * and the page shows the same numbers in a table beside it.
 */
public final class Charts {

  static final String ACTUAL = "#0b5394";
  static final String TARGET = "#6b6b6b";
  static final String INK = "#1b1b1b";
  private static final int WIDTH = 600;
  private static final int HEIGHT = 260;
  private static final int LEFT = 56;
  private static final int BOTTOM = 40;
  private static final int TOP = 16;

  private Charts() {}

  /** Bars of the actual value beside the target's, per period. */
  public static String bars(String id, String title, String description, List<Point> points, String unit) {
    StringBuilder svg = Svg.open(id, WIDTH, HEIGHT, title, description);
    double max = max(points);
    axes(svg, max, unit);
    int n = Math.max(1, points.size());
    double slot = (WIDTH - LEFT - 8) / (double) n;
    double bar = Math.min(40, slot / 2.5);
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double x = LEFT + slot * i + (slot - 2 * bar) / 2;
      p.actual().ifPresent(v -> rect(svg, x, v, max, bar, ACTUAL));
      p.target().ifPresent(v -> rect(svg, x + bar, v, max, bar, TARGET));
      label(svg, LEFT + slot * i + slot / 2, HEIGHT - BOTTOM + 16, p.label());
    }
    legend(svg);
    return svg.append("</svg>").toString();
  }

  /** The actual value over time as a line, with the targets as a dashed line. */
  public static String trend(String id, String title, String description, List<Point> points, String unit) {
    StringBuilder svg = Svg.open(id, WIDTH, HEIGHT, title, description);
    double max = max(points);
    axes(svg, max, unit);
    int n = points.size();
    double step = n <= 1 ? 0 : (WIDTH - LEFT - 24) / (double) (n - 1);
    line(svg, points, max, step, true);
    line(svg, points, max, step, false);
    for (int i = 0; i < n; i++) {
      double x = LEFT + 12 + step * i;
      label(svg, x, HEIGHT - BOTTOM + 16, points.get(i).label());
      points.get(i).actual().ifPresent(v -> svg.append("<circle cx=\"").append(Svg.coordinate(x))
          .append("\" cy=\"").append(Svg.coordinate(y(v, max))).append("\" r=\"4\" fill=\"").append(ACTUAL)
          .append("\"/>"));
    }
    legend(svg);
    return svg.append("</svg>").toString();
  }

  /**
   * Progress towards the target as a filled bar, 0 to 100%. Descending indicators (fewer is better) fill as the
   * value falls towards the target; the caller works out the fraction (see the dashboard).
   */
  public static String progress(String id, String title, String description, Optional<Double> fraction) {
    int width = 300;
    int height = 28;
    StringBuilder svg = Svg.open(id, width, height, title, description);
    svg.append("<rect x=\"0.5\" y=\"0.5\" width=\"").append(width - 1).append("\" height=\"").append(height - 1)
        .append("\" fill=\"#ffffff\" stroke=\"").append(TARGET).append("\"/>");
    fraction.ifPresent(f -> svg.append("<rect x=\"2\" y=\"2\" width=\"")
        .append(Svg.coordinate(Math.max(0, Math.min(1, f)) * (width - 4))).append("\" height=\"")
        .append(height - 4).append("\" fill=\"").append(ACTUAL).append("\"/>"));
    return svg.append("</svg>").toString();
  }

  private static void rect(StringBuilder svg, double x, BigDecimal value, double max, double width, String fill) {
    double top = y(value, max);
    double bottom = HEIGHT - BOTTOM;
    svg.append("<rect x=\"").append(Svg.coordinate(x)).append("\" y=\"").append(Svg.coordinate(Math.min(top, bottom)))
        .append("\" width=\"").append(Svg.coordinate(width)).append("\" height=\"")
        .append(Svg.coordinate(Math.abs(bottom - top))).append("\" fill=\"").append(fill).append("\"/>");
  }

  private static void line(StringBuilder svg, List<Point> points, double max, double step, boolean actual) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      Optional<BigDecimal> v = actual ? points.get(i).actual() : points.get(i).target();
      if (v.isPresent()) {
        path.append(path.length() == 0 ? "M" : " L").append(Svg.coordinate(LEFT + 12 + step * i)).append(' ')
            .append(Svg.coordinate(y(v.get(), max)));
      }
    }
    if (path.length() > 0) {
      svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(actual ? ACTUAL : TARGET)
          .append("\" stroke-width=\"").append(actual ? "3" : "2\" stroke-dasharray=\"6 4").append("\"/>");
    }
  }

  private static void axes(StringBuilder svg, double max, String unit) {
    int baseline = HEIGHT - BOTTOM;
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(baseline).append("\" x2=\"").append(WIDTH - 4)
        .append("\" y2=\"").append(baseline).append("\" stroke=\"").append(INK).append("\"/>");
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
        .append("\" y2=\"").append(baseline).append("\" stroke=\"").append(INK).append("\"/>");
    svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 10)
        .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"").append(INK).append("\">")
        .append(Svg.text(Svg.number(BigDecimal.valueOf(max)))).append("</text>");
    svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(baseline)
        .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"").append(INK).append("\">0</text>");
    if (!unit.isEmpty()) {
      svg.append("<text x=\"4\" y=\"").append(TOP + 30).append("\" font-size=\"12\" fill=\"").append(INK)
          .append("\">").append(Svg.text(unit.length() > 8 ? unit.substring(0, 8) + "…" : unit)).append("</text>");
    }
  }

  private static void legend(StringBuilder svg) {
    int y = HEIGHT - 10;
    svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y - 10).append("\" width=\"12\" height=\"12\"")
        .append(" fill=\"").append(ACTUAL).append("\"/><text x=\"").append(LEFT + 16).append("\" y=\"").append(y)
        .append("\" font-size=\"12\" fill=\"").append(INK).append("\">Actual</text>");
    svg.append("<rect x=\"").append(LEFT + 80).append("\" y=\"").append(y - 10).append("\" width=\"12\"")
        .append(" height=\"12\" fill=\"").append(TARGET).append("\"/><text x=\"").append(LEFT + 96)
        .append("\" y=\"").append(y).append("\" font-size=\"12\" fill=\"").append(INK).append("\">Target</text>");
  }

  private static void label(StringBuilder svg, double x, double y, String text) {
    svg.append("<text x=\"").append(Svg.coordinate(x)).append("\" y=\"").append(Svg.coordinate(y))
        .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"").append(INK).append("\">")
        .append(Svg.text(text.length() > 12 ? text.substring(0, 12) + "…" : text)).append("</text>");
  }

  private static double y(BigDecimal value, double max) {
    double plot = HEIGHT - BOTTOM - TOP;
    double v = Math.max(0, value.doubleValue());
    return HEIGHT - BOTTOM - (max <= 0 ? 0 : v / max * plot);
  }

  private static double max(List<Point> points) {
    double max = 0;
    for (Point p : points) {
      max = Math.max(max, p.actual().map(BigDecimal::doubleValue).orElse(0.0));
      max = Math.max(max, p.target().map(BigDecimal::doubleValue).orElse(0.0));
    }
    return max <= 0 ? 1 : max * 1.1;
  }
}
