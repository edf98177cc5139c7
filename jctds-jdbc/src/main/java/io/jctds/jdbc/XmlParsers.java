package io.jctds.jdbc;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The JDK's XML parsers set up for untrusted documents (SQLXML.getSource): namespace aware, secure
 * processing on, DOCTYPE declarations refused (so no external entity or DTD is ever loaded).
 */
final class XmlParsers {
  private XmlParsers() {}

  private static final String NO_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

  static Document document(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature(NO_DOCTYPE, true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static XMLReader reader() throws Exception {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature(NO_DOCTYPE, true);
    return f.newSAXParser().getXMLReader();
  }

  static XMLStreamReader stream(String xml) throws Exception {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f.createXMLStreamReader(new StringReader(xml));
  }
}
