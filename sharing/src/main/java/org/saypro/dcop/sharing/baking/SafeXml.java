package org.saypro.dcop.sharing.baking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML read and written with the JDK's own parser, hardened for files from strangers: no DOCTYPE at all (so no
 * external entities, no entity expansion, no DTD fetched from the network), no XInclude, bounded nesting and size.
 */
final class SafeXml {

  /** Badge images are tens of kilobytes; this leaves room for a large embedded credential. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final int MAX_DEPTH = 256;
  private static final String JDK_MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

  private SafeXml() {}

  static Document parse(byte[] xml) throws XmlRefusedException {
    if (xml.length > MAX_BYTES) {
      throw new XmlRefusedException("the SVG is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    try {
      return builder().parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      String message = String.valueOf(e.getMessage());
      throw new XmlRefusedException(message.contains("DOCTYPE")
          ? "an SVG with a DOCTYPE declaration is refused: DTDs and entities can reach files and the network"
          : message.contains("maxElementDepth") ? "the SVG nests elements deeper than " + MAX_DEPTH
          : "not well-formed XML (line " + e.getLineNumber() + ")");
    } catch (SAXException | IOException e) {
      throw new XmlRefusedException("not well-formed XML");
    }
  }

  static byte[] write(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("a parsed document can always be written", e);
    }
  }

  private static DocumentBuilder builder() {
    try {
      // the JDK's built-in factory, whatever else is on the class path: the features below are its names
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setAttribute(JDK_MAX_ELEMENT_DEPTH, MAX_DEPTH);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      return builder;
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("the JDK's XML parser supports every hardening feature used here", e);
    }
  }

  /** Errors become exceptions only: the default handler also prints them to standard error. */
  private static final ErrorHandler SILENT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  static final class XmlRefusedException extends Exception {
    XmlRefusedException(String message) {
      super(message, null, false, false);
    }
  }
}
