package org.saypro.dcop.web;

/** Escaping for markup written by hand (HTML and SVG built as strings, outside the templates). */
public final class Markup {

  private Markup() {}

  /** Text and attribute values alike: the five characters HTML and XML give meaning to. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
