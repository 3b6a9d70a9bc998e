package io.github.lxca.packaging;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes this plugin's own descriptor format. It names the update and its payload; a team whose LXCA
 * expects another layout uses a descriptor template instead.
 */
public final class DescriptorXml {
    private static final String INDENT = "  ";

    private DescriptorXml() {}

    public static byte[] generate(DescriptorValues values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("update");
            element(xml, 1, "fixId", values.fixId());
            element(xml, 1, "component", values.component());
            element(xml, 1, "version", values.version());
            element(xml, 1, "releaseDate", values.releaseDate().toString());
            element(xml, 1, "description", values.description());
            newline(xml, 1);
            xml.writeStartElement("payload");
            element(xml, 2, "file", values.payloadFile());
            element(xml, 2, "size", Long.toString(values.payloadSize()));
            element(xml, 2, "sha256", values.payloadSha256());
            newline(xml, 1);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer failed on an in-memory document", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        newline(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + INDENT.repeat(depth));
    }
}
