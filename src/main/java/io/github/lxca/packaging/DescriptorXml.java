package io.github.lxca.packaging;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the descriptor in the layout Lenovo's own parsers read: root {@code INSTANCE}, one
 * {@code PROPERTY} per field and one {@code PROPERTY.ARRAY} per list. The properties those parsers are
 * known to read come first; {@code description}, {@code updateType}, {@code rebootRequired} and
 * {@code releaseDate} are inferred from Lenovo's packaging input. No real LXCA descriptor was available
 * to compare with.
 */
public final class DescriptorXml {
    private static final String INDENT = "  ";
    private static final String TYPE = "string";

    private DescriptorXml() {}

    public static byte[] generate(DescriptorValues values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("INSTANCE");
            property(xml, "category", values.settings().category());
            property(xml, "Version", values.lenovoVersion());
            property(xml, "buildNumber", values.buildNumber());
            property(xml, "payload", values.payloadFile());
            property(xml, "xmlFilename", values.xmlFile());
            list(xml, "preReq", values.settings().preReqs());
            list(xml, "applicableMachineTypes", values.settings().machineTypes());
            property(xml, "description", values.description());
            property(xml, "updateType", values.settings().updateType());
            property(xml, "rebootRequired", Boolean.toString(values.settings().rebootRequired()));
            property(xml, "releaseDate", values.releaseDate().toString());
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

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("PROPERTY");
        xml.writeAttribute("NAME", name);
        xml.writeAttribute("TYPE", TYPE);
        xml.writeStartElement("VALUE");
        xml.writeCharacters(value);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void list(XMLStreamWriter xml, String name, List<String> values) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("PROPERTY.ARRAY");
        xml.writeAttribute("NAME", name);
        xml.writeAttribute("TYPE", TYPE);
        newline(xml, 2);
        xml.writeStartElement("VALUE.ARRAY");
        for (String value : values) {
            newline(xml, 3);
            xml.writeStartElement("VALUE");
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
        if (!values.isEmpty()) {
            newline(xml, 2);
        }
        xml.writeEndElement();
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + INDENT.repeat(depth));
    }
}
