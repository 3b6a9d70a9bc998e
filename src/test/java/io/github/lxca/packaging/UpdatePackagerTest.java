package io.github.lxca.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import io.github.lxca.update.UpdateSetScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class UpdatePackagerTest {
    private static final String FIX_ID = "lnvgy_sw_lxca_agent-2.3.1_anyos_noarch";
    private static final Instant BUILD_TIME = Instant.parse("2026-11-26T23:30:00Z");

    @TempDir
    Path temp;

    private Path out;
    private Path payloadFolder;
    private final List<String> warnings = new ArrayList<>();
    private final UpdatePackager packager =
            new UpdatePackager(Clock.fixed(Instant.parse("2030-05-04T12:00:00Z"), ZoneOffset.UTC), warnings::add);

    @BeforeEach
    void createPayloadFolder() throws IOException {
        out = temp.resolve("target/lxca-update");
        payloadFolder = Files.createDirectories(temp.resolve("payload"));
        Files.writeString(payloadFolder.resolve("agent.bin"), "agent 2.3.1");
    }

    @Test
    void aFolderBecomesACompleteSetThatAnImportAccepts() throws Exception {
        UpdateSet set = packager.pack(request().build());

        assertEquals(FIX_ID, set.fixId());
        assertEquals(
                List.of(FIX_ID + ".chg", FIX_ID + ".tgz", FIX_ID + ".txt", FIX_ID + ".xml"),
                set.files().stream().map(UpdateFile::name).toList());
        List<UpdateSet> found = new UpdateSetScanner(warnings::add).scan(out);
        assertEquals(List.of(FIX_ID), found.stream().map(UpdateSet::fixId).toList());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void theGeneratedDescriptorIsInLenovosLayoutAndNamesTheUpdateAndItsFiles() throws Exception {
        packager.pack(request()
                .description("Agent with <fast> & safe updates")
                .settings(new DescriptorSettings(
                        "Agents",
                        "B42",
                        "Fix",
                        true,
                        List.of("lnvgy_sw_lxca_base-1.0.0_anyos_noarch"),
                        List.of("ThinkSystem SR650 [7X06]", "ThinkSystem SR630 [7X02]")))
                .build());

        Document xml = parse(out.resolve(FIX_ID + ".xml"));
        assertEquals("INSTANCE", xml.getDocumentElement().getTagName());
        assertEquals("Agents", property(xml, "category"));
        assertEquals("B42 2.3.1", property(xml, "Version"));
        assertEquals("B42", property(xml, "buildNumber"));
        assertEquals(FIX_ID + ".tgz", property(xml, "payload"));
        assertEquals(FIX_ID + ".xml", property(xml, "xmlFilename"));
        assertEquals(List.of("lnvgy_sw_lxca_base-1.0.0_anyos_noarch"), list(xml, "preReq"));
        assertEquals(
                List.of("ThinkSystem SR650 [7X06]", "ThinkSystem SR630 [7X02]"), list(xml, "applicableMachineTypes"));
        assertEquals("Agent with <fast> & safe updates", property(xml, "description"));
        assertEquals("Fix", property(xml, "updateType"));
        assertEquals("true", property(xml, "rebootRequired"));
        assertEquals("2026-11-26", property(xml, "releaseDate"));
    }

    /**
     * The generated descriptor byte for byte against {@code golden/generated-descriptor.xml}: every attribute (each
     * property's {@code TYPE} too), the order, the escaping, an empty and a filled list. On a difference the file
     * written is kept as {@code target/generated-descriptor.actual.xml} to compare.
     */
    @Test
    void theGeneratedDescriptorIsTheGoldenFile() throws Exception {
        packager.pack(request()
                .description("Agent with <fast> & safe updates")
                .settings(new DescriptorSettings(
                        "Agents",
                        "B42",
                        "Fix",
                        true,
                        List.of(),
                        List.of("ThinkSystem SR650 [7X06]", "ThinkSystem SR630 [7X02]")))
                .build());

        String golden;
        try (var in = UpdatePackagerTest.class.getResourceAsStream("/golden/generated-descriptor.xml")) {
            golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String written = Files.readString(out.resolve(FIX_ID + ".xml"));
        if (!golden.equals(written)) {
            Files.writeString(Path.of("target/generated-descriptor.actual.xml"), written);
        }
        assertEquals(golden, written);
    }

    @Test
    void withoutSettingsTheDescriptorTakesDefaultsAndTheBuildNumberIsTheReleaseDate() throws Exception {
        packager.pack(request().build());

        Document xml = parse(out.resolve(FIX_ID + ".xml"));
        assertEquals("Management Server", property(xml, "category"));
        assertEquals("20261126 2.3.1", property(xml, "Version"));
        assertEquals("20261126", property(xml, "buildNumber"));
        assertEquals("Update", property(xml, "updateType"));
        assertEquals("false", property(xml, "rebootRequired"));
        assertEquals(List.of(), list(xml, "preReq"));
        assertEquals(List.of(), list(xml, "applicableMachineTypes"));
    }

    @Test
    void descriptorValuesLenovosParserWouldMisreadAreRefusedBeforeAnythingIsWritten() {
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> packager.pack(request()
                        .settings(new DescriptorSettings(
                                null, "build 7", null, false, List.of("../x"), List.of("SR650 7X06")))
                        .build()));

        assertTrue(e.getMessage().contains("lxca.buildNumber 'build 7' must be one word"), e.getMessage());
        assertTrue(e.getMessage().contains("the preReq '../x' is not a safe fix id"), e.getMessage());
        assertTrue(e.getMessage().contains("'SR650 7X06' has no machine type in square brackets"), e.getMessage());
        assertTrue(e.getMessage().contains("\nWhat to do: set the parameters named above"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void theGeneratedChangeHistoryAndReadmeDescribeTheRelease() throws Exception {
        packager.pack(request()
                .changes(List.of("Faster inventory", "  Fixes a crash\n    on restart  "))
                .build());

        assertEquals(
                "Change history for agent\n\nVersion 2.3.1 (released 2026-11-26)\n"
                        + "  - Faster inventory\n  - Fixes a crash on restart\n",
                Files.readString(out.resolve(FIX_ID + ".chg")));
        assertEquals(
                "Agent Service 2.3.1\n===================\n\nThe agent.\n\nFix id: " + FIX_ID + "\n",
                Files.readString(out.resolve(FIX_ID + ".txt")));
    }

    @Test
    void readyFilesAreCopiedAsTheyAre() throws Exception {
        Path tgz = temp.resolve("given.tar.gz");
        ReproducibleTarGz.write(payloadFolder, tgz, BUILD_TIME);
        Path chg = Files.writeString(temp.resolve("CHANGES.txt"), "my history");
        Path readme = Files.writeString(temp.resolve("README.md"), "# Agent");
        Path descriptor = Files.writeString(temp.resolve("fix.xml"), "<fix/>");

        packager.pack(request()
                .payload(new PayloadSource.Archive(tgz))
                .changeHistory(chg)
                .readme(readme)
                .descriptor(new DescriptorSource.Ready(descriptor))
                .build());

        assertArrayEquals(Files.readAllBytes(tgz), Files.readAllBytes(out.resolve(FIX_ID + ".tgz")));
        assertEquals("my history", Files.readString(out.resolve(FIX_ID + ".chg")));
        assertEquals("# Agent", Files.readString(out.resolve(FIX_ID + ".txt")));
        assertEquals("<fix/>", Files.readString(out.resolve(FIX_ID + ".xml")));
    }

    @Test
    void aTemplateIsFilledWithTheSameValuesAsTheGeneratedDescriptor() throws Exception {
        Path template = Files.writeString(
                temp.resolve("template.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<INSTANCE>\n"
                        + "  <PROPERTY NAME=\"payload\"><VALUE>${payloadFile}</VALUE></PROPERTY>\n"
                        + "  <PROPERTY NAME=\"xmlFilename\"><VALUE>${xmlFile}</VALUE></PROPERTY>\n"
                        + "  <PROPERTY NAME=\"Version\"><VALUE>${lenovoVersion}</VALUE></PROPERTY>\n"
                        + "  <PROPERTY NAME=\"size\"><VALUE>${payloadSize}</VALUE></PROPERTY>\n"
                        + "  <PROPERTY NAME=\"sha256\"><VALUE>${payloadSha256}</VALUE></PROPERTY>\n"
                        + "  <PROPERTY NAME=\"description\"><VALUE>${description}</VALUE></PROPERTY>\n"
                        + "  <PROPERTY.ARRAY NAME=\"applicableMachineTypes\"><VALUE.ARRAY>${applicableMachineTypesValues}"
                        + "</VALUE.ARRAY></PROPERTY.ARRAY>\n</INSTANCE>\n");

        packager.pack(request()
                .description("A & B")
                .descriptor(new DescriptorSource.Template(template))
                .settings(new DescriptorSettings(null, "7", null, false, List.of(), List.of("A&B [1234]", "C [5678]")))
                .build());

        Document xml = parse(out.resolve(FIX_ID + ".xml"));
        Path tgz = out.resolve(FIX_ID + ".tgz");
        assertEquals(FIX_ID + ".tgz", property(xml, "payload"));
        assertEquals(FIX_ID + ".xml", property(xml, "xmlFilename"));
        assertEquals("7 2.3.1", property(xml, "Version"));
        assertEquals(Long.toString(Files.size(tgz)), property(xml, "size"));
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tgz))),
                property(xml, "sha256"));
        assertEquals("A & B", property(xml, "description"));
        assertEquals(List.of("A&B [1234]", "C [5678]"), list(xml, "applicableMachineTypes"));
    }

    @Test
    void aTemplateWhosePayloadPropertyNamesAnotherFileFailsTheImportChecks() throws Exception {
        Path template = Files.writeString(
                temp.resolve("template.xml"),
                "<INSTANCE>"
                        + "<PROPERTY NAME=\"payload\"><VALUE>other.tgz</VALUE></PROPERTY>"
                        + "<PROPERTY NAME=\"xmlFilename\"><VALUE>${xmlFile}</VALUE></PROPERTY></INSTANCE>");

        InvalidUpdateSetException e = assertThrows(
                InvalidUpdateSetException.class,
                () -> packager.pack(request()
                        .descriptor(new DescriptorSource.Template(template))
                        .build()));

        assertEquals(
                List.of(FIX_ID + ".xml: property 'payload' is 'other.tgz', but the set's payload file is '" + FIX_ID
                        + ".tgz'"),
                e.problems());
    }

    @Test
    void aTemplateThatYieldsMalformedXmlFailsWithTheLineAndLeavesNoSetBehind() throws Exception {
        Path template = Files.writeString(temp.resolve("template.xml"), "<fix>\n  <id>${fixId}</ID>\n</fix>\n");

        PackagingException e = assertThrows(
                PackagingException.class,
                () -> packager.pack(request()
                        .descriptor(new DescriptorSource.Template(template))
                        .build()));

        assertTrue(e.getMessage().contains("is not well-formed XML: line 2"), e.getMessage());
        assertTrue(e.getMessage().contains(template.toString()), e.getMessage());
        assertEquals(List.of(), filesIn(out));
    }

    @Test
    void aPayloadThatIsNotAGzipTarFailsTheImportChecksAndTheInputSurvives() throws Exception {
        Files.createDirectories(out);
        Path notTar = Files.writeString(out.resolve(FIX_ID + ".tgz"), "just text");

        InvalidUpdateSetException e = assertThrows(
                InvalidUpdateSetException.class,
                () -> packager.pack(
                        request().payload(new PayloadSource.Archive(notTar)).build()));

        assertEquals(
                List.of(FIX_ID + ".tgz is not a gzip file (a .tgz payload must be a gzip-compressed tar)"),
                e.problems());
        assertEquals(List.of(FIX_ID + ".tgz"), filesIn(out));
        assertEquals("just text", Files.readString(notTar));
    }

    @Test
    void everyMissingInputIsNamedAtOnce() {
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> packager.pack(request()
                        .payload(new PayloadSource.Folder(temp.resolve("no-such-folder")))
                        .readme(temp.resolve("README.txt"))
                        .descriptor(new DescriptorSource.Template(temp.resolve("missing-template.xml")))
                        .build()));

        assertTrue(e.getMessage().contains("payloadDirectory " + temp.resolve("no-such-folder")), e.getMessage());
        assertTrue(e.getMessage().contains("readme file " + temp.resolve("README.txt")), e.getMessage());
        assertTrue(
                e.getMessage().contains("descriptorTemplate " + temp.resolve("missing-template.xml")), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingChangeHistoryFileIsNamed() {
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> packager.pack(
                        request().changeHistory(temp.resolve("CHANGES.txt")).build()));

        assertTrue(
                e.getMessage().contains("the changeHistory file " + temp.resolve("CHANGES.txt") + " does not exist"),
                e.getMessage());
    }

    @Test
    void aFailedPackagingRemovesWhatItWroteButNeverAnInputThatSitsInTheOutputFolder() throws Exception {
        Files.createDirectories(out);
        Path changeHistory = Files.writeString(out.resolve(FIX_ID + ".chg"), "my changes");
        Path readme = Files.writeString(out.resolve(FIX_ID + ".txt"), "my readme");
        Path template = Files.writeString(temp.resolve("template.xml"), "<fix>\n  <id>${fixId}</ID>\n</fix>\n");

        assertThrows(
                PackagingException.class,
                () -> packager.pack(request()
                        .changeHistory(changeHistory)
                        .readme(readme)
                        .descriptor(new DescriptorSource.Template(template))
                        .build()));

        assertEquals("my changes", Files.readString(changeHistory));
        assertEquals("my readme", Files.readString(readme));
        assertEquals(List.of(FIX_ID + ".chg", FIX_ID + ".txt"), filesIn(out));
    }

    @Test
    void packagingAgainWarnsOfNoOtherSetWhenTheFolderHoldsOnlyThisSetAndOtherFiles() throws Exception {
        packager.pack(request().build());
        Files.writeString(out.resolve("notes.md"), "not part of any set");

        packager.pack(request().build());

        assertEquals(List.of(), warnings);
    }

    @Test
    void aChangeHistoryFileAndAListOfChangesTogetherAreRefused() throws Exception {
        Path chg = Files.writeString(temp.resolve("CHANGES"), "x");

        assertThrows(
                PackagingException.class,
                () -> packager.pack(
                        request().changeHistory(chg).changes(List.of("y")).build()));
    }

    @Test
    void anUnsafeFixIdIsRefusedBeforeAnythingIsWritten() {
        assertThrows(
                PackagingException.class,
                () -> packager.pack(request().fixId("../outside").build()));
        assertFalse(Files.exists(out));
    }

    @Test
    void aPayloadFolderThatIsASymbolicLinkIsNamedAsOneNotAsEmpty() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("payload-link"), payloadFolder);
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> packager.pack(
                        request().payload(new PayloadSource.Folder(link)).build()));
        assertEquals(
                "The payload folder " + link + " is a symbolic link (to " + payloadFolder + "), which is not followed"
                        + "\nWhat to do: point payloadDirectory at the real folder " + payloadFolder + " itself",
                e.getMessage());
    }

    @Test
    void aFixIdTooLongForAFileNameIsRefusedAsSuchNotAsAFullDisk() {
        String fixId = "lnvgy_sw_lxca_" + "a".repeat(300) + "-1.0.0_anyos_noarch";
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> packager.pack(request().fixId(fixId).build()));
        assertEquals(
                "Cannot package the update: the fix id '" + fixId.substring(0, 40) + "...' has " + fixId.length()
                        + " characters, more than the 251 that fit in a file name with its extension (file systems"
                        + " allow 255)\nWhat to do: correct lxca.fixId",
                e.getMessage());
        assertFalse(e.getMessage().contains("disk has room"));
        assertFalse(Files.exists(out));
    }

    @Test
    void otherSetsInTheOutputFolderAreReportedBecauseAnImportWouldSendThemToo() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("lnvgy_sw_lxca_agent-2.3.0_anyos_noarch.xml"), "<old/>");

        packager.pack(request().build());

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("lnvgy_sw_lxca_agent-2.3.0_anyos_noarch.xml"), warnings.get(0));
    }

    @Test
    void packagingTheSameFolderTwiceGivesTheSameSet() throws Exception {
        packager.pack(request().build());
        Path second = temp.resolve("second");
        packager.pack(request().outputDirectory(second).build());

        for (String extension : List.of("chg", "tgz", "txt", "xml")) {
            assertArrayEquals(
                    Files.readAllBytes(out.resolve(FIX_ID + "." + extension)),
                    Files.readAllBytes(second.resolve(FIX_ID + "." + extension)),
                    extension);
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The VALUE of the one PROPERTY named {@code name}, read with the DOM rather than the plugin's own reader. */
    private static String property(Document xml, String name) {
        List<String> values = valuesOf(xml, "PROPERTY", name);
        assertEquals(1, values.size(), name + ": " + values);
        return values.get(0);
    }

    private static List<String> list(Document xml, String name) {
        return valuesOf(xml, "PROPERTY.ARRAY", name);
    }

    private static List<String> valuesOf(Document xml, String tag, String name) {
        List<Element> matches = new ArrayList<>();
        NodeList properties = xml.getDocumentElement().getElementsByTagName(tag);
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("NAME").equals(name)) {
                matches.add(property);
            }
        }
        assertEquals(1, matches.size(), tag + " " + name);
        NodeList values = matches.get(0).getElementsByTagName("VALUE");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < values.getLength(); i++) {
            texts.add(values.item(i).getTextContent());
        }
        return texts;
    }

    private RequestBuilder request() {
        return new RequestBuilder();
    }

    /** A valid request for a folder payload, changed one field at a time by each test. */
    private final class RequestBuilder {
        private Path outputDirectory = out;
        private String fixId = FIX_ID;
        private String description = "The agent.";
        private Instant buildTimestamp = BUILD_TIME;
        private PayloadSource payload = new PayloadSource.Folder(payloadFolder);
        private Path changeHistory;
        private List<String> changes = List.of();
        private Path readme;
        private DescriptorSource descriptor = new DescriptorSource.Generated();
        private DescriptorSettings settings = new DescriptorSettings(null, null, null, false, List.of(), List.of());

        RequestBuilder outputDirectory(Path value) {
            outputDirectory = value;
            return this;
        }

        RequestBuilder fixId(String value) {
            fixId = value;
            return this;
        }

        RequestBuilder description(String value) {
            description = value;
            return this;
        }

        RequestBuilder payload(PayloadSource value) {
            payload = value;
            return this;
        }

        RequestBuilder changeHistory(Path value) {
            changeHistory = value;
            return this;
        }

        RequestBuilder changes(List<String> value) {
            changes = value;
            return this;
        }

        RequestBuilder readme(Path value) {
            readme = value;
            return this;
        }

        RequestBuilder descriptor(DescriptorSource value) {
            descriptor = value;
            return this;
        }

        RequestBuilder settings(DescriptorSettings value) {
            settings = value;
            return this;
        }

        PackageRequest build() {
            return new PackageRequest(
                    outputDirectory,
                    fixId,
                    "agent",
                    "2.3.1",
                    "Agent Service",
                    description,
                    Optional.ofNullable(buildTimestamp),
                    payload,
                    Optional.ofNullable(changeHistory),
                    changes,
                    Optional.ofNullable(readme),
                    descriptor,
                    settings);
        }
    }
}
