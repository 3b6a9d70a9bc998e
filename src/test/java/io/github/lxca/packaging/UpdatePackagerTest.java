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

class UpdatePackagerTest {
    private static final String FIX_ID = "lnvgy_sw_lxca_agent-2.3.1_anyos_noarch";
    private static final Instant BUILD_TIME = Instant.parse("2026-11-26T23:30:00Z");

    @TempDir
    Path temp;

    private Path out;
    private Path payloadFolder;
    private final List<String> warnings = new ArrayList<>();
    private final UpdatePackager packager = new UpdatePackager(
            Clock.fixed(Instant.parse("2030-05-04T12:00:00Z"), ZoneOffset.UTC), warnings::add);

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
        assertEquals(List.of(FIX_ID + ".chg", FIX_ID + ".tgz", FIX_ID + ".txt", FIX_ID + ".xml"),
                set.files().stream().map(UpdateFile::name).toList());
        List<UpdateSet> found = new UpdateSetScanner(warnings::add).scan(out);
        assertEquals(List.of(FIX_ID), found.stream().map(UpdateSet::fixId).toList());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void theGeneratedDescriptorNamesTheUpdateAndItsPayload() throws Exception {
        packager.pack(request().description("Agent with <fast> & safe updates").build());

        Document xml = parse(out.resolve(FIX_ID + ".xml"));
        Path tgz = out.resolve(FIX_ID + ".tgz");
        assertEquals(FIX_ID, text(xml, "fixId"));
        assertEquals("agent", text(xml, "component"));
        assertEquals("2.3.1", text(xml, "version"));
        assertEquals("2026-11-26", text(xml, "releaseDate"));
        assertEquals("Agent with <fast> & safe updates", text(xml, "description"));
        assertEquals(FIX_ID + ".tgz", text(xml, "file"));
        assertEquals(Long.toString(Files.size(tgz)), text(xml, "size"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tgz))),
                text(xml, "sha256"));
    }

    @Test
    void withoutABuildTimestampTheReleaseDateIsToday() throws Exception {
        packager.pack(request().buildTimestamp(null).build());

        assertEquals("2030-05-04", text(parse(out.resolve(FIX_ID + ".xml")), "releaseDate"));
        assertTrue(Files.readString(out.resolve(FIX_ID + ".chg")).contains("(released 2030-05-04)"));
    }

    @Test
    void theGeneratedChangeHistoryAndReadmeDescribeTheRelease() throws Exception {
        packager.pack(request().changes(List.of("Faster inventory", "  Fixes a crash\n    on restart  ")).build());

        assertEquals("Change history for agent\n\nVersion 2.3.1 (released 2026-11-26)\n"
                + "  - Faster inventory\n  - Fixes a crash on restart\n", Files.readString(out.resolve(FIX_ID + ".chg")));
        assertEquals("Agent Service 2.3.1\n===================\n\nThe agent.\n\nFix id: " + FIX_ID + "\n",
                Files.readString(out.resolve(FIX_ID + ".txt")));
    }

    @Test
    void readyFilesAreCopiedAsTheyAre() throws Exception {
        Path tgz = temp.resolve("given.tar.gz");
        ReproducibleTarGz.write(payloadFolder, tgz, BUILD_TIME);
        Path chg = Files.writeString(temp.resolve("CHANGES.txt"), "my history");
        Path readme = Files.writeString(temp.resolve("README.md"), "# Agent");
        Path descriptor = Files.writeString(temp.resolve("fix.xml"), "<fix/>");

        packager.pack(request().payload(new PayloadSource.Archive(tgz)).changeHistory(chg).readme(readme)
                .descriptor(new DescriptorSource.Ready(descriptor)).build());

        assertArrayEquals(Files.readAllBytes(tgz), Files.readAllBytes(out.resolve(FIX_ID + ".tgz")));
        assertEquals("my history", Files.readString(out.resolve(FIX_ID + ".chg")));
        assertEquals("# Agent", Files.readString(out.resolve(FIX_ID + ".txt")));
        assertEquals("<fix/>", Files.readString(out.resolve(FIX_ID + ".xml")));
    }

    @Test
    void aTemplateIsFilledWithTheSameValuesAsTheGeneratedDescriptor() throws Exception {
        Path template = Files.writeString(temp.resolve("template.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FIX ID=\"${fixId}\" VERSION=\"${version}\">\n"
                        + "  <PAYLOAD NAME=\"${payloadFile}\" SIZE=\"${payloadSize}\" SHA256=\"${payloadSha256}\"/>\n"
                        + "  <DESC>${description}</DESC>\n</FIX>\n");

        packager.pack(request().description("A & B").descriptor(new DescriptorSource.Template(template)).build());

        Document xml = parse(out.resolve(FIX_ID + ".xml"));
        Path tgz = out.resolve(FIX_ID + ".tgz");
        assertEquals(FIX_ID, xml.getDocumentElement().getAttribute("ID"));
        assertEquals("2.3.1", xml.getDocumentElement().getAttribute("VERSION"));
        org.w3c.dom.Element payload = (org.w3c.dom.Element) xml.getElementsByTagName("PAYLOAD").item(0);
        assertEquals(Long.toString(Files.size(tgz)), payload.getAttribute("SIZE"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tgz))),
                payload.getAttribute("SHA256"));
        assertEquals("A & B", text(xml, "DESC"));
    }

    @Test
    void aTemplateThatYieldsMalformedXmlFailsWithTheLineAndLeavesNoSetBehind() throws Exception {
        Path template = Files.writeString(temp.resolve("template.xml"), "<fix>\n  <id>${fixId}</ID>\n</fix>\n");

        PackagingException e = assertThrows(PackagingException.class,
                () -> packager.pack(request().descriptor(new DescriptorSource.Template(template)).build()));

        assertTrue(e.getMessage().contains("is not well-formed XML: line 2"), e.getMessage());
        assertTrue(e.getMessage().contains(template.toString()), e.getMessage());
        assertEquals(List.of(), filesIn(out));
    }

    @Test
    void aPayloadThatIsNotAGzipTarFailsTheImportChecksAndTheInputSurvives() throws Exception {
        Files.createDirectories(out);
        Path notTar = Files.writeString(out.resolve(FIX_ID + ".tgz"), "just text");

        InvalidUpdateSetException e = assertThrows(InvalidUpdateSetException.class,
                () -> packager.pack(request().payload(new PayloadSource.Archive(notTar)).build()));

        assertEquals(List.of(FIX_ID + ".tgz is not a gzip file (a .tgz payload must be a gzip-compressed tar)"), e.problems());
        assertEquals(List.of(FIX_ID + ".tgz"), filesIn(out));
        assertEquals("just text", Files.readString(notTar));
    }

    @Test
    void everyMissingInputIsNamedAtOnce() {
        PackagingException e = assertThrows(PackagingException.class, () -> packager.pack(request()
                .payload(new PayloadSource.Folder(temp.resolve("no-such-folder")))
                .readme(temp.resolve("README.txt"))
                .descriptor(new DescriptorSource.Template(temp.resolve("missing-template.xml"))).build()));

        assertTrue(e.getMessage().contains("payloadDirectory " + temp.resolve("no-such-folder")), e.getMessage());
        assertTrue(e.getMessage().contains("readme file " + temp.resolve("README.txt")), e.getMessage());
        assertTrue(e.getMessage().contains("descriptorTemplate " + temp.resolve("missing-template.xml")), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aChangeHistoryFileAndAListOfChangesTogetherAreRefused() throws Exception {
        Path chg = Files.writeString(temp.resolve("CHANGES"), "x");

        assertThrows(PackagingException.class,
                () -> packager.pack(request().changeHistory(chg).changes(List.of("y")).build()));
    }

    @Test
    void anUnsafeFixIdIsRefusedBeforeAnythingIsWritten() {
        assertThrows(PackagingException.class, () -> packager.pack(request().fixId("../outside").build()));
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
            assertArrayEquals(Files.readAllBytes(out.resolve(FIX_ID + "." + extension)),
                    Files.readAllBytes(second.resolve(FIX_ID + "." + extension)), extension);
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

    private static String text(Document xml, String element) {
        assertEquals(1, xml.getElementsByTagName(element).getLength(), element);
        return xml.getElementsByTagName(element).item(0).getTextContent();
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

        RequestBuilder outputDirectory(Path value) { outputDirectory = value; return this; }
        RequestBuilder fixId(String value) { fixId = value; return this; }
        RequestBuilder description(String value) { description = value; return this; }
        RequestBuilder buildTimestamp(Instant value) { buildTimestamp = value; return this; }
        RequestBuilder payload(PayloadSource value) { payload = value; return this; }
        RequestBuilder changeHistory(Path value) { changeHistory = value; return this; }
        RequestBuilder changes(List<String> value) { changes = value; return this; }
        RequestBuilder readme(Path value) { readme = value; return this; }
        RequestBuilder descriptor(DescriptorSource value) { descriptor = value; return this; }

        PackageRequest build() {
            return new PackageRequest(outputDirectory, fixId, "agent", "2.3.1", "Agent Service", description,
                    Optional.ofNullable(buildTimestamp), payload, Optional.ofNullable(changeHistory), changes,
                    Optional.ofNullable(readme), descriptor);
        }
    }
}
