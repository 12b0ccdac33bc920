package org.saypro.dcop.community.forums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known XSS payloads must render with nothing script-capable; ordinary Markdown must render as expected. */
class MarkdownSanitiserTest {

  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  /** Event-handler attributes, in any case, after whitespace, a quote or a slash. */
  private static final Pattern HANDLER = Pattern.compile("[\\s\"'/]on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern DANGEROUS_TAG =
      Pattern.compile("<\\s*/?\\s*(script|iframe|object|embed|style|svg|math|img|link|meta|base|form|input|body)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BAD_URL = Pattern.compile("(href|src|action|data)\\s*=\\s*[\"']?\\s*"
      + "(javascript|vbscript|data):", Pattern.CASE_INSENSITIVE);

  private static final Set<String> USER_CONTENT_RELS = Set.of("nofollow", "noopener", "noreferrer", "ugc");
  private static final Pattern REL = Pattern.compile("rel=\"([^\"]*)\"");

  /** The first rel attribute's values; the sanitiser writes them in no fixed order. */
  private static Set<String> rels(String html) {
    Matcher m = REL.matcher(html);
    return m.find() ? Set.of(m.group(1).split(" ")) : Set.of();
  }

  static Stream<Arguments> payloads() throws IOException {
    String text;
    try (InputStream in = MarkdownSanitiserTest.class.getResourceAsStream("/vectors/markdown/xss-payloads.bad.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Arguments> blocks = new ArrayList<>();
    String[] parts = text.split("(?m)^%%\\n");
    for (int i = 1; i < parts.length; i++) {
      blocks.add(Arguments.of(i, parts[i]));
    }
    assertTrue(blocks.size() >= 50, "the payload file was read");
    return blocks.stream();
  }

  @ParameterizedTest(name = "payload {0}")
  @MethodSource("payloads")
  void rendersNothingScriptCapable(int number, String payload) {
    String html = RENDERER.render(payload);
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(DANGEROUS_TAG.matcher(html).find(), () -> "dangerous tag in " + html);
    assertFalse(HANDLER.matcher(html).find(), () -> "event handler in " + html);
    assertFalse(BAD_URL.matcher(html).find(), () -> "dangerous URL in " + html);
    assertFalse(lower.contains("style="), () -> "style attribute in " + html);
    // Every link that survives points at http, https or mailto and carries the user-content rels.
    String[] afterHrefs = html.split("href=\"", -1);
    for (int i = 1; i < afterHrefs.length; i++) {
      assertTrue(afterHrefs[i].matches("(?s)(https?:|mailto:).*"), () -> "link scheme in " + html);
      assertEquals(USER_CONTENT_RELS, rels(afterHrefs[i]), () -> "link rels in " + html);
    }
  }

  @Test
  void rendersOrdinaryMarkdown() {
    assertEquals("<p><em>hi</em> and <strong>bold</strong></p>\n", RENDERER.render("*hi* and **bold**"));
    assertEquals("<ul><li>one</li><li>two</li></ul>\n", RENDERER.render("- one\n- two\n").replace("\n<", "<"));
    assertEquals("<pre><code class=\"language-java\">int x &#61; 1 &lt; 2;\n</code></pre>\n",
        RENDERER.render("```java\nint x = 1 < 2;\n```\n"));
    assertEquals("<blockquote><p>quoted</p></blockquote>\n",
        RENDERER.render("> quoted\n").replace("\n<", "<"));
  }

  @Test
  void linksGetUserContentRelsAndHeadingsStartAtThree() {
    String site = RENDERER.render("[site](https://example.org/a?b=c)");
    assertTrue(site.startsWith("<p><a href=\"https://example.org/a?b&#61;c\" rel=\""), site);
    assertEquals(USER_CONTENT_RELS, rels(site));
    String mail = RENDERER.render("[mail](mailto:a@example.org)");
    assertTrue(mail.startsWith("<p><a href=\"mailto:a&#64;example.org\" rel=\""), mail);
    assertEquals(USER_CONTENT_RELS, rels(mail));
    assertEquals("<h3>Title</h3>\n<h4>Sub</h4>\n", RENDERER.render("# Title\n\n#### Sub\n"));
  }

  @Test
  void rawHtmlShowsAsText() {
    assertEquals("<p>&lt;b&gt;not bold&lt;/b&gt;</p>\n", RENDERER.render("<b>not bold</b>"));
  }

  @Test
  void refusesOverlongSources() {
    assertThrows(IllegalArgumentException.class, () -> RENDERER.render("x".repeat(MarkdownRenderer.MAX_SOURCE + 1)));
  }
}
