package org.saypro.dcop.issuer.credentials;

/**
 * A PostgreSQL {@code text[]} literal ({@code {"a","b"}}), for one row's array among many rows sent as one
 * {@code text[]} parameter: an SQL array of arrays must be rectangular, and the rows' arrays differ in length. Every
 * element is quoted, so none reads as {@code NULL} and commas, braces and spaces stay part of it; inside the quotes
 * only {@code "} and {@code \} are escaped.
 */
final class TextArrayLiteral {

  private TextArrayLiteral() {}

  static String of(String[] elements) {
    StringBuilder out = new StringBuilder(2 + elements.length * 24).append('{');
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] == null) {
        throw new IllegalArgumentException("element " + i + " is null");
      }
      if (i > 0) {
        out.append(',');
      }
      out.append('"');
      String element = elements[i];
      for (int k = 0; k < element.length(); k++) {
        char c = element.charAt(k);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }
}
