package io.github.lxca.simulator;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads an uploaded descriptor the way Lenovo's own parsers are known to: root {@code INSTANCE}, fields
 * by exact {@code PROPERTY NAME}, lists from {@code PROPERTY.ARRAY}, the version as the word after the
 * space in {@code Version}, and the payload's file name from {@code payload}. Written apart from the
 * plugin's own reader on purpose, so that the two cannot share a mistake.
 */
final class LenovoPackageReader {
    /** What a descriptor says, by property name: one value for a field, any number for a list. */
    record Descriptor(Map<String, List<String>> properties) {
        String first(String name) {
            List<String> values = properties.getOrDefault(name, List.of());
            return values.isEmpty() ? null : values.get(0).strip();
        }
    }

    private LenovoPackageReader() {}

    /**
     * Why LXCA could not take this set, or empty when it can.
     *
     * @param uploaded the file names uploaded in the same job
     */
    static Optional<String> refusal(String xmlName, byte[] xml, Set<String> uploaded) {
        Descriptor descriptor;
        try {
            descriptor = parse(xml).orElse(null);
        } catch (Exception e) {
            return Optional.of(xmlName + " cannot be parsed: " + e.getMessage());
        }
        if (descriptor == null) {
            return Optional.of(xmlName + " has no INSTANCE root element.");
        }
        String payload = descriptor.first("payload");
        if (payload == null || !uploaded.contains(payload)) {
            return Optional.of("The payload named in " + xmlName + " (" + payload + ") was not uploaded.");
        }
        if (!xmlName.equals(descriptor.first("xmlFilename"))) {
            return Optional.of(xmlName + " names itself " + descriptor.first("xmlFilename") + ".");
        }
        String version = descriptor.first("Version");
        if (version == null || version.split(" ").length < 2) {
            return Optional.of(xmlName + " has no version after the build in its Version property (" + version + ").");
        }
        return Optional.empty();
    }

    /** Empty when the root is not {@code INSTANCE}. */
    static Optional<Descriptor> parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml))
                .getDocumentElement();
        if (!root.getTagName().equals("INSTANCE")) {
            return Optional.empty();
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element
                    && (element.getTagName().equals("PROPERTY")
                            || element.getTagName().equals("PROPERTY.ARRAY"))) {
                List<String> values = new ArrayList<>();
                NodeList valueNodes = element.getElementsByTagName("VALUE");
                for (int v = 0; v < valueNodes.getLength(); v++) {
                    values.add(valueNodes.item(v).getTextContent());
                }
                properties.put(element.getAttribute("NAME"), values);
            }
        }
        return Optional.of(new Descriptor(properties));
    }
}
