package org.saypro.dcop.community.impact.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import org.saypro.dcop.web.Markup;

/**
 * The pieces every chart shares: escaping (every text that reaches the markup goes through {@link #text}), the
 * accessible frame (role="img" with a title and a description), and number formatting.
 */
public final class Svg {

  private static final Pattern ID = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,80}$");
  private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

  private Svg() {}

  /** XML-escapes text for element content and attribute values alike. */
  public static String text(String raw) {
    // characters XML 1.0 cannot carry are dropped rather than breaking the page
    return Markup.escape(NOT_XML.matcher(raw).replaceAll(""));
  }

  /** Opens an accessible chart: the title and description are what screen readers announce. */
  static StringBuilder open(String id, int width, int height, String title, String description) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a usable element id: " + id);
    }
    return new StringBuilder(2048).append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\"")
        .append(" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" aria-labelledby=\"")
        .append(id).append("-t ").append(id).append("-d\"><title id=\"").append(id).append("-t\">")
        .append(text(title)).append("</title><desc id=\"").append(id).append("-d\">").append(text(description))
        .append("</desc>");
  }

  /** A number as charts print it: at most two decimals, no trailing zeros, no exponent. */
  public static String number(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  /** A coordinate in whole view-box units: finer is invisible at any screen size the page is read on. */
  static String coordinate(double value) {
    return Long.toString(Math.round(value));
  }
}
