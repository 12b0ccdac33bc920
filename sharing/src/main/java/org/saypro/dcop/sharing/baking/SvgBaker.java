package org.saypro.dcop.sharing.baking;

import javax.xml.XMLConstants;
import org.saypro.dcop.sharing.CredentialText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Open Badges 3.0 baking for SVG (section 5.3.2): an {@code <openbadges:credential>} element, in namespace
 * {@value #NAMESPACE}, as the first child of the root {@code <svg>}; a compact JWS goes in its {@code verify}
 * attribute, a JSON credential in its body as CDATA. A credential already baked in is replaced.
 */
public final class SvgBaker {

  public static final String NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
  public static final String PREFIX = "openbadges";
  public static final String ELEMENT = "credential";

  private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
  private static final String OPEN_BADGES_2_NAMESPACE = "http://openbadges.org";

  private SvgBaker() {}

  public static Baking bake(byte[] svg, CredentialText credential) {
    Document document;
    try {
      document = SafeXml.parse(svg);
    } catch (SafeXml.XmlRefusedException e) {
      return new Baking.Refused(e.getMessage());
    }
    Element root = document.getDocumentElement();
    if (!isSvg(root)) {
      return new Baking.Refused("not an SVG image: its root element is not <svg>");
    }
    String bound = root.getAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, PREFIX);
    if (!bound.isEmpty() && !bound.equals(NAMESPACE)) {
      return new Baking.Refused("the SVG already binds the prefix '" + PREFIX + "' to " + bound);
    }
    NodeList baked = document.getElementsByTagNameNS(NAMESPACE, ELEMENT);
    while (baked.getLength() > 0) {
      baked.item(0).getParentNode().removeChild(baked.item(0));
    }
    root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + PREFIX, NAMESPACE);
    Element element = document.createElementNS(NAMESPACE, PREFIX + ":" + ELEMENT);
    if (credential instanceof CredentialText.Jws jws) {
      element.setAttribute("verify", jws.text());
    } else {
      appendAsCdata(document, element, credential.text());
    }
    root.insertBefore(element, root.getFirstChild());
    return new Baking.Baked(SafeXml.write(document));
  }

  /** The first baked credential in document order, as the specification reads it; never throws, whatever the file. */
  public static Unbaked unbake(byte[] svg) {
    Document document;
    try {
      document = SafeXml.parse(svg);
    } catch (SafeXml.XmlRefusedException e) {
      return new Unbaked.Invalid(e.getMessage());
    }
    if (!isSvg(document.getDocumentElement())) {
      return new Unbaked.Invalid("not an SVG image: its root element is not <svg>");
    }
    Node found = document.getElementsByTagNameNS(NAMESPACE, ELEMENT).item(0);
    if (found == null) {
      return new Unbaked.NotBaked(document.getElementsByTagNameNS(OPEN_BADGES_2_NAMESPACE, "assertion").getLength() > 0
          ? "the image holds an Open Badges 2.0 assertion, not an Open Badges 3.0 credential"
          : "the image has no baked Open Badges credential");
    }
    Element element = (Element) found;
    String verify = element.getAttribute("verify");
    return Unbaked.fromText(verify.isBlank() ? element.getTextContent() : verify);
  }

  private static boolean isSvg(Element root) {
    return "svg".equals(root.getLocalName()) && SVG_NAMESPACE.equals(root.getNamespaceURI());
  }

  /** CDATA cannot hold "]]>", so the text is split there into adjacent sections, which readers join again. */
  private static void appendAsCdata(Document document, Element element, String text) {
    int start = 0;
    for (int end = text.indexOf("]]>"); end >= 0; end = text.indexOf("]]>", start)) {
      element.appendChild(document.createCDATASection(text.substring(start, end + 2)));
      start = end + 2;
    }
    element.appendChild(document.createCDATASection(text.substring(start)));
  }
}
