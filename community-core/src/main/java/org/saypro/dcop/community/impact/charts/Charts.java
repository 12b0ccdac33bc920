package org.saypro.dcop.community.impact.charts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Server-rendered SVG charts, built as strings: no chart library and no script, so they load on slow connections
 * and print. Colours meet 3:1 against white (WCAG 1.4.11); each chart is role="img" with a title and a description,
 * and the page shows the same numbers in a table beside it. Shapes of one kind share a group's attributes, and
 * coordinates are whole units of the view box, to keep a dashboard of many charts small.
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
  private static final String LABELS = "<g font-size=\"12\" fill=\"" + INK + "\" text-anchor=\"middle\">";

  private Charts() {}

  /** Bars of the actual value beside the target's, per period. */
  public static String bars(String id, String title, String description, List<Point> points, String unit) {
    StringBuilder svg = Svg.open(id, WIDTH, HEIGHT, title, description);
    double max = max(points);
    axes(svg, max, unit);
    StringBuilder actual = new StringBuilder("<g fill=\"" + ACTUAL + "\">");
    StringBuilder target = new StringBuilder("<g fill=\"" + TARGET + "\">");
    StringBuilder labels = new StringBuilder(LABELS);
    double slot = (WIDTH - LEFT - 8) / (double) Math.max(1, points.size());
    double bar = Math.min(40, slot / 2.5);
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double x = LEFT + slot * i + (slot - 2 * bar) / 2;
      p.actual().ifPresent(v -> rect(actual, x, v, max, bar));
      p.target().ifPresent(v -> rect(target, x + bar, v, max, bar));
      label(labels, LEFT + slot * i + slot / 2, HEIGHT - BOTTOM + 16, p.label());
    }
    svg.append(actual).append("</g>").append(target).append("</g>").append(labels).append("</g>");
    legend(svg);
    return svg.append("</svg>").toString();
  }

  /** The actual value over time as a line with dots, the targets as a dashed line. */
  public static String trend(String id, String title, String description, List<Point> points, String unit) {
    StringBuilder svg = Svg.open(id, WIDTH, HEIGHT, title, description);
    double max = max(points);
    axes(svg, max, unit);
    int n = points.size();
    double step = n <= 1 ? 0 : (WIDTH - LEFT - 24) / (double) (n - 1);
    line(svg, points, max, step, true);
    line(svg, points, max, step, false);
    StringBuilder dots = new StringBuilder("<g fill=\"" + ACTUAL + "\">");
    StringBuilder labels = new StringBuilder(LABELS);
    for (int i = 0; i < n; i++) {
      double x = LEFT + 12 + step * i;
      label(labels, x, HEIGHT - BOTTOM + 16, points.get(i).label());
      points.get(i).actual().ifPresent(v -> dots.append("<circle cx=\"").append(Svg.coordinate(x))
          .append("\" cy=\"").append(Svg.coordinate(y(v, max))).append("\" r=\"4\"/>"));
    }
    svg.append(dots).append("</g>").append(labels).append("</g>");
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
        .append("\" fill=\"#fff\" stroke=\"").append(TARGET).append("\"/>");
    fraction.ifPresent(f -> svg.append("<rect x=\"2\" y=\"2\" width=\"")
        .append(Svg.coordinate(Math.max(0, Math.min(1, f)) * (width - 4))).append("\" height=\"")
        .append(height - 4).append("\" fill=\"").append(ACTUAL).append("\"/>"));
    return svg.append("</svg>").toString();
  }

  private static void rect(StringBuilder svg, double x, BigDecimal value, double max, double width) {
    double top = y(value, max);
    double bottom = HEIGHT - BOTTOM;
    svg.append("<rect x=\"").append(Svg.coordinate(x)).append("\" y=\"").append(Svg.coordinate(Math.min(top, bottom)))
        .append("\" width=\"").append(Svg.coordinate(width)).append("\" height=\"")
        .append(Svg.coordinate(Math.abs(bottom - top))).append("\"/>");
  }

  private static void line(StringBuilder svg, List<Point> points, double max, double step, boolean actual) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      Optional<BigDecimal> v = actual ? points.get(i).actual() : points.get(i).target();
      if (v.isPresent()) {
        path.append(path.length() == 0 ? "M" : "L").append(Svg.coordinate(LEFT + 12 + step * i)).append(' ')
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
    svg.append("<path d=\"M").append(LEFT).append(' ').append(TOP).append('V').append(baseline).append('H')
        .append(WIDTH - 4).append("\" fill=\"none\" stroke=\"").append(INK).append("\"/>");
    svg.append("<g font-size=\"12\" fill=\"").append(INK).append("\" text-anchor=\"end\"><text x=\"")
        .append(LEFT - 6).append("\" y=\"").append(TOP + 10).append("\">")
        .append(Svg.text(Svg.number(BigDecimal.valueOf(max)))).append("</text><text x=\"").append(LEFT - 6)
        .append("\" y=\"").append(baseline).append("\">0</text>");
    if (!unit.isEmpty()) {
      svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 30).append("\">")
          .append(Svg.text(unit.length() > 8 ? unit.substring(0, 8) + "…" : unit)).append("</text>");
    }
    svg.append("</g>");
  }

  private static void legend(StringBuilder svg) {
    int y = HEIGHT - 10;
    svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y - 10).append("\" width=\"12\" height=\"12\"")
        .append(" fill=\"").append(ACTUAL).append("\"/><rect x=\"").append(LEFT + 80).append("\" y=\"")
        .append(y - 10).append("\" width=\"12\" height=\"12\" fill=\"").append(TARGET).append("\"/>")
        .append("<g font-size=\"12\" fill=\"").append(INK).append("\"><text x=\"").append(LEFT + 16)
        .append("\" y=\"").append(y).append("\">Actual</text><text x=\"").append(LEFT + 96).append("\" y=\"")
        .append(y).append("\">Target</text></g>");
  }

  private static void label(StringBuilder svg, double x, double y, String text) {
    svg.append("<text x=\"").append(Svg.coordinate(x)).append("\" y=\"").append(Svg.coordinate(y)).append("\">")
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
