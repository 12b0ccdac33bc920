package org.saypro.dcop.community.impact.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartsTest {

  private static final List<Point> POINTS = List.of(
      new Point("2026Q1", Optional.of(new BigDecimal("10")), Optional.of(new BigDecimal("12"))),
      new Point("<script>", Optional.empty(), Optional.of(new BigDecimal("20"))),
      new Point("2026Q3", Optional.of(new BigDecimal("25.5")), Optional.empty()));

  @Test
  void everyLabelIsEscapedAndTheChartIsWellFormedXml() throws Exception {
    String title = "Learners <script>alert(1)</script> & \"friends\"";
    for (String svg : List.of(Charts.bars("c1", title, "<b>desc</b>", POINTS, "<unit>"),
        Charts.trend("c2", title, "<b>desc</b>", POINTS, "<unit>"),
        Charts.progress("c3", title, "<b>desc</b>", Optional.of(0.5)))) {
      assertFalse(svg.contains("<script"), svg);
      assertFalse(svg.contains("<b>"), svg);
      assertTrue(svg.contains("&lt;script&gt;"), svg);
      Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      assertEquals("img", xml.getDocumentElement().getAttribute("role"));
      assertEquals(title, xml.getElementsByTagName("title").item(0).getTextContent());
      assertEquals("<b>desc</b>", xml.getElementsByTagName("desc").item(0).getTextContent());
    }
  }

  @Test
  void charactersXmlCannotCarryAreDropped() {
    assertEquals("ab&amp;c\n", Svg.text("a\u0001b&c\n"));
  }

  @Test
  void barsAreDrawnForPresentValuesOnly() {
    String svg = Charts.bars("c", "t", "d", POINTS, "");
    // two actual bars and two target bars, plus the two legend swatches
    assertEquals(6, svg.split("<rect ", -1).length - 1, svg);
  }

  @Test
  void progressIsClampedToTheBar() {
    assertTrue(Charts.progress("p", "t", "d", Optional.of(1.7)).contains("width=\"296\""));
    assertFalse(Charts.progress("p", "t", "d", Optional.empty()).contains("width=\"296\""));
  }

  @Test
  void anUnsafeElementIdIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Charts.progress("a\" onload=\"x", "t", "d", Optional.empty()));
  }
}
