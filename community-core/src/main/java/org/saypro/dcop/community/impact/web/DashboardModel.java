package org.saypro.dcop.community.impact.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.saypro.dcop.community.impact.Indicator;
import org.saypro.dcop.community.impact.IndicatorSummary;
import org.saypro.dcop.community.impact.charts.Charts;
import org.saypro.dcop.community.impact.charts.Point;
import org.saypro.dcop.community.impact.charts.Svg;

/** What the dashboard template shows of each indicator: text, the charts' SVG and the table behind them. */
final class DashboardModel {

  /** Periods charted per indicator (the latest): more would not fit the charts' labels; the export has them all. */
  static final int PERIODS = 12;

  private DashboardModel() {}

  static List<Map<String, Object>> indicators(List<IndicatorSummary> summaries) {
    return summaries.stream().map(DashboardModel::indicator).toList();
  }

  private static Map<String, Object> indicator(IndicatorSummary s) {
    Indicator i = s.indicator();
    String unit = i.unitLabel();
    String id = "i" + i.id().toString().replace("-", "").substring(0, 12);
    List<IndicatorSummary.PeriodFigures> periods = s.periods().subList(Math.max(0, s.periods().size() - PERIODS),
        s.periods().size());
    List<Point> points = periods.stream().map(p -> new Point(p.period().id(), p.actual(), p.target())).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("code", i.code());
    model.put("name", i.name());
    model.put("direction", i.ascending() ? "more is better" : "less is better");
    model.put("aggregation", i.aggregation().label());
    model.put("auto", i.autoSource().orElse(""));
    model.put("baseline", i.baseline().map(b -> Svg.number(b) + " " + unit + " in " + i.baselinePeriod().get().id())
        .orElse("none"));
    model.put("actual", amount(s.actual(), unit));
    model.put("target", amount(s.target(), unit));
    String progress = s.progress().map(p -> String.format(Locale.ROOT, "%.0f%%", p * 100)).orElse("not known");
    model.put("progress", progress);
    model.put("hasData", !points.isEmpty());
    model.put("morePeriods", s.periods().size() > PERIODS);
    model.put("progressSvg", Charts.progress(id + "p", "Progress towards the target of " + i.name(),
        "Progress: " + progress + " (" + (i.ascending() ? "more" : "less") + " is better)", s.progress()));
    String what = i.name() + (unit.isEmpty() ? "" : " (" + unit + ")");
    model.put("barsSvg", Charts.bars(id + "b", "Actual and target per period: " + what, describe(points),
        points, unit));
    model.put("trendSvg", Charts.trend(id + "t", "Trend: " + what, trend(points), points, unit));
    model.put("rows", points.stream().map(p -> Map.<String, Object>of("period", p.label(), "actual",
        amount(p.actual(), ""), "target", amount(p.target(), ""))).toList());
    return model;
  }

  private static String describe(List<Point> points) {
    StringBuilder text = new StringBuilder();
    for (Point p : points) {
      text.append(text.length() == 0 ? "" : "; ").append(p.label()).append(": actual ").append(amount(p.actual(), ""))
          .append(", target ").append(amount(p.target(), ""));
    }
    return text.length() == 0 ? "No values or targets yet." : text.append('.').toString();
  }

  /** The trend in a sentence; the bar chart's description and the table carry every figure. */
  private static String trend(List<Point> points) {
    List<Point> actual = points.stream().filter(p -> p.actual().isPresent()).toList();
    if (actual.isEmpty()) {
      return "No values yet.";
    }
    Point first = actual.get(0);
    Point last = actual.get(actual.size() - 1);
    return "From " + amount(first.actual(), "") + " in " + first.label() + " to " + amount(last.actual(), "")
        + " in " + last.label() + "; every figure is in the table below.";
  }

  private static String amount(Optional<BigDecimal> value, String unit) {
    return value.map(v -> Svg.number(v) + (unit.isEmpty() ? "" : " " + unit)).orElse("none");
  }
}
