package io.github.lxca.update;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks that a document is well-formed XML with the JDK's parser, refusing DTDs and external entities:
 * a descriptor has no need for them, and they would let a file reach outside itself.
 */
public final class WellFormedXml {
    private WellFormedXml() {}

    /** Returns the parse error, with its line and column, or empty when the file is well-formed. */
    public static Optional<String> problemWith(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return problemWith(in);
        }
    }

    public static Optional<String> problemWith(byte[] document) {
        try {
            return problemWith(new ByteArrayInputStream(document));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private static Optional<String> problemWith(InputStream in) throws IOException {
        try {
            newParser().parse(in, new DefaultHandler());
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A SAX parser that refuses DTDs and external entities. */
    static SAXParser newParser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support secure parsing", e);
        }
    }
}
