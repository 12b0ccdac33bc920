package org.saypro.dcop.sharing.baking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saypro.dcop.sharing.CredentialText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Baking and unbaking SVG: round trips, the element's place and form, replacement, and refusals. */
class SvgBakerTest {

  private static final CredentialText JWS = new CredentialText.Jws(BakingVectorGenerator.jws());
  private static final CredentialText JSON = new CredentialText.Json(BakingVectorGenerator.json());

  private static byte[] bake(byte[] svg, CredentialText credential) {
    return assertInstanceOf(Baking.Baked.class, SvgBaker.bake(svg, credential)).bytes();
  }

  @Test
  void bothFormsRoundTrip() {
    for (CredentialText credential : List.of(JWS, JSON)) {
      Unbaked unbaked = SvgBaker.unbake(bake(DefaultBadge.svg(), credential));
      assertEquals(credential, assertInstanceOf(Unbaked.Found.class, unbaked).credential());
    }
  }

  @Test
  void aJwsGoesInTheVerifyAttributeOfTheFirstChild() throws Exception {
    Document baked = SafeXml.parse(bake(DefaultBadge.svg(), JWS));

    Element first = (Element) baked.getDocumentElement().getFirstChild();
    assertEquals(SvgBaker.NAMESPACE, first.getNamespaceURI());
    assertEquals("openbadges:credential", first.getTagName());
    assertEquals(JWS.text(), first.getAttribute("verify"));
    assertEquals(SvgBaker.NAMESPACE, baked.getDocumentElement().getAttribute("xmlns:openbadges"));
  }

  @Test
  void jsonGoesInCdataSplitWhereItHoldsTheCdataEnd() {
    String baked = new String(bake(DefaultBadge.svg(), JSON), StandardCharsets.UTF_8);

    assertTrue(baked.contains("<openbadges:credential><![CDATA[{"), baked);
    assertTrue(baked.contains("Sipho ]]]]><![CDATA[> Ndlovu"), baked);
  }

  @Test
  void bakingAgainReplacesTheCredential() throws Exception {
    byte[] twice = bake(bake(DefaultBadge.svg(), JWS), JSON);

    assertEquals(JSON, assertInstanceOf(Unbaked.Found.class, SvgBaker.unbake(twice)).credential());
    assertEquals(1, SafeXml.parse(twice).getElementsByTagNameNS(SvgBaker.NAMESPACE, SvgBaker.ELEMENT).getLength());
  }

  @Test
  void theRestOfTheImageIsKept() throws Exception {
    Document before = SafeXml.parse(DefaultBadge.svg());
    Document after = SafeXml.parse(bake(DefaultBadge.svg(), JWS));
    assertEquals(before.getElementsByTagName("*").getLength() + 1, after.getElementsByTagName("*").getLength());
    assertEquals(before.getDocumentElement().getAttribute("viewBox"), after.getDocumentElement().getAttribute("viewBox"));
  }

  @Test
  void refusesWhatItCannotBakeSafely() {
    byte[] otherPrefix = ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\"/>")
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(assertInstanceOf(Baking.Refused.class, SvgBaker.bake(otherPrefix, JWS)).reason().contains("prefix"));
    assertInstanceOf(Baking.Refused.class, SvgBaker.bake(DefaultBadge.png(), JWS));
    byte[] huge = new byte[SafeXml.MAX_BYTES + 1];
    assertTrue(assertInstanceOf(Unbaked.Invalid.class, SvgBaker.unbake(huge)).reason().contains("larger than"));
  }
}
