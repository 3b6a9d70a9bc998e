package io.github.lxca.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A descriptor in the layout Lenovo's own parsers read (CIM-XML style): root {@code INSTANCE}, each field
 * a {@code PROPERTY NAME=".."} with a {@code VALUE}, each list a {@code PROPERTY.ARRAY NAME=".."} whose
 * {@code VALUE}s sit in a {@code VALUE.ARRAY}. Property names are kept as written: Lenovo's parsers look
 * them up by exact name.
 */
public final class LenovoDescriptor {
    public static final String ROOT = "INSTANCE";

    private final Map<String, List<String>> properties;

    private LenovoDescriptor(Map<String, List<String>> properties) {
        this.properties = properties;
    }

    /**
     * Reads a well-formed descriptor; empty when its root is not {@code INSTANCE}, so that it is in another
     * layout.
     */
    public static Optional<LenovoDescriptor> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collector collector = new Collector();
            WellFormedXml.newParser().parse(in, collector);
            return collector.isInstance ? Optional.of(new LenovoDescriptor(collector.properties)) : Optional.empty();
        } catch (SAXException e) {
            throw new IOException("it is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The first value of a property, stripped; empty when the descriptor has no such property or it is blank. */
    public Optional<String> value(String name) {
        return values(name).stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /** The values of a property (one for a {@code PROPERTY}, any number for a {@code PROPERTY.ARRAY}). */
    public List<String> values(String name) {
        return properties.getOrDefault(name, List.of());
    }

    /** The first value of a property whose name matches, ignoring case; for names no parser is known to read. */
    public Optional<String> valueIgnoringCase(String name) {
        return properties.keySet().stream()
                .filter(key -> key.equalsIgnoreCase(name))
                .findFirst()
                .flatMap(this::value);
    }

    /** The version as Lenovo's parser takes it from {@code Version}: the word after the first space. */
    public Optional<String> version() {
        return value("Version")
                .map(text -> text.split("\\s+", 2))
                .filter(words -> words.length == 2)
                .map(words -> words[1].strip());
    }

    private static final class Collector extends DefaultHandler {
        private final Map<String, List<String>> properties = new LinkedHashMap<>();
        private boolean isInstance;
        private int depth;
        private String property;
        private StringBuilder value;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            if (depth == 1) {
                isInstance = ROOT.equals(qName);
            } else if (depth == 2 && isInstance && (qName.equals("PROPERTY") || qName.equals("PROPERTY.ARRAY"))) {
                property = attributes.getValue("NAME");
                if (property != null) {
                    properties.computeIfAbsent(property, name -> new ArrayList<>());
                }
            } else if (property != null && qName.equals("VALUE")) {
                value = new StringBuilder();
            }
        }

        @Override
        public void characters(char[] text, int start, int length) {
            if (value != null) {
                value.append(text, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (value != null && qName.equals("VALUE")) {
                properties.get(property).add(value.toString());
                value = null;
            }
            if (depth == 2) {
                property = null;
            }
            depth--;
        }
    }
}
