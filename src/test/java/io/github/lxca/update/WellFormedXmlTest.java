package io.github.lxca.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.XMLReader;

/**
 * The hardening of the one XML parser the plugin configures (descriptors, before they are sent): no DTD at all, and,
 * behind that, no external entity, parameter entity or external DTD, each checked on its own so that removing any
 * one of the settings fails here.
 */
class WellFormedXmlTest {
    @TempDir
    Path temp;

    private static Optional<String> check(String document) {
        return WellFormedXml.problemWith(document.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWellFormedDescriptorPasses() {
        assertEquals(Optional.empty(), check("<INSTANCE><PROPERTY NAME=\"a\" TYPE=\"string\"/></INSTANCE>"));
    }

    @Test
    void aDoctypeIsRefusedEvenWithOnlyAnInternalEntity() {
        Optional<String> problem = check("<!DOCTYPE INSTANCE [<!ENTITY v \"1.0\">]><INSTANCE>&v;</INSTANCE>");

        assertTrue(problem.isPresent(), "an internal DTD subset must be refused");
        assertTrue(problem.get().contains("DOCTYPE is disallowed"), problem.get());
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileItNamesIsNotRead() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "s3cr3t-content");
        Optional<String> problem =
                check("<!DOCTYPE INSTANCE [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><INSTANCE>&x;</INSTANCE>");

        assertTrue(problem.isPresent(), "an external entity must be refused");
        assertFalse(problem.get().contains("s3cr3t-content"), problem.get());
    }

    @Test
    void aPrefixWithoutItsNamespaceIsNotWellFormed() {
        Optional<String> problem = check("<lx:INSTANCE/>");

        assertTrue(problem.isPresent(), "the parser is namespace aware");
        assertTrue(problem.get().startsWith("line 1, column "), problem.get());
    }

    /**
     * The settings behind the DOCTYPE refusal, which no document reaches while it stands (defence in depth): read
     * from the parser itself, since each one's default is the unsafe value.
     */
    @Test
    void behindItExternalEntitiesParameterEntitiesAndExternalDtdsAreOff() throws Exception {
        SAXParser parser = WellFormedXml.newParser();
        XMLReader reader = parser.getXMLReader();

        assertTrue(reader.getFeature("http://apache.org/xml/features/disallow-doctype-decl"));
        assertFalse(reader.getFeature("http://xml.org/sax/features/external-general-entities"));
        assertFalse(reader.getFeature("http://xml.org/sax/features/external-parameter-entities"));
        assertFalse(reader.getFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd"));
        assertEquals("", parser.getProperty(XMLConstants.ACCESS_EXTERNAL_DTD));
        assertEquals("", parser.getProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA));
        assertTrue(reader.getFeature(XMLConstants.FEATURE_SECURE_PROCESSING));
        assertTrue(parser.isNamespaceAware());
        assertFalse(parser.isXIncludeAware());
    }
}
