package org.saypro.dcop.community.forums;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to HTML that pages may show unescaped: flexmark renders CommonMark (raw HTML in the source is escaped, so
 * it shows as text), then the OWASP sanitiser keeps only an allow-list. The sanitiser is the guarantee; escaping is a
 * second wall, so a flexmark bug alone cannot put markup on a page.
 *
 * <p>Allowed: paragraphs, line breaks, emphasis, strikethrough, lists, code and pre, blockquotes, horizontal rules,
 * headings h3 to h6 (h1 and h2 become h3, so a post cannot outrank the page's own headings) and links to http, https
 * and mailto only, always with rel="nofollow noopener noreferrer ugc". No images: they would let a post load
 * third-party content (tracking pixels) into every reader's browser; their alt text stays.
 */
@Singleton
public class MarkdownRenderer {

  /** Longest Markdown source accepted, in characters. */
  public static final int MAX_SOURCE = 20_000;

  private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+-]{1,30}");

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "br", "em", "strong", "del", "s", "ul", "ol", "li", "code", "pre", "blockquote", "hr",
          "h3", "h4", "h5", "h6", "a")
      .allowElements((name, attributes) -> "h3", "h1", "h2")
      .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
      .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
      .allowAttributes("href").onElements("a")
      .allowUrlProtocols("http", "https", "mailto")
      .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
      .toFactory();

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    MutableDataSet options = new MutableDataSet();
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /** The sanitised HTML of a Markdown source of at most {@link #MAX_SOURCE} characters. */
  public String render(String markdown) {
    if (markdown.length() > MAX_SOURCE) {
      throw new IllegalArgumentException("Markdown longer than " + MAX_SOURCE + " characters");
    }
    return POLICY.sanitize(renderer.render(parser.parse(markdown)));
  }
}
