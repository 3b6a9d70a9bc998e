package io.github.lxca.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateSetContentChecksTest {
    private static final String FIX_ID = "lnvgy_sw_lxca_demo-1.0_anyos_noarch";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final UpdateSetScanner scanner = new UpdateSetScanner(warnings::add);

    @Test
    void aCompleteSetPassesAndListsItsFilesInUploadOrder() throws Exception {
        writeValidSet(FIX_ID);

        List<UpdateSet> sets = scanner.scan(dir);

        assertEquals(1, sets.size());
        assertEquals(FIX_ID, sets.get(0).fixId());
        assertEquals(
                List.of(FIX_ID + ".chg", FIX_ID + ".tgz", FIX_ID + ".txt", FIX_ID + ".xml"),
                sets.get(0).files().stream().map(UpdateFile::name).toList());
    }

    @Test
    void aGzipThatHoldsNoTarIsRefusedNamingTheFile() throws Exception {
        writeValidSet(FIX_ID);
        Files.write(dir.resolve(FIX_ID + ".tgz"), gzip("this is not a tar archive".getBytes(StandardCharsets.UTF_8)));

        List<String> problems = problemsOf(() -> scanner.scan(dir));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(FIX_ID + ".tgz "), problems.get(0));
    }

    @Test
    void aTruncatedPayloadIsRefusedWithTheReadError() throws Exception {
        writeValidSet(FIX_ID);
        byte[] whole = tarGz("big.bin", new byte[200_000]);
        Files.write(dir.resolve(FIX_ID + ".tgz"), Arrays.copyOf(whole, whole.length / 2));

        List<String> problems = problemsOf(() -> scanner.scan(dir));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith(FIX_ID + ".tgz is not a readable gzip-compressed tar: "), problems.get(0));
    }

    @Test
    void aMalformedDescriptorIsRefusedWithTheLineOfTheError() throws Exception {
        writeValidSet(FIX_ID);
        Files.writeString(
                dir.resolve(FIX_ID + ".xml"), "<?xml version=\"1.0\"?>\n<update>\n  <fixId>x</fix>\n</update>\n");

        List<String> problems = problemsOf(() -> scanner.scan(dir));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(FIX_ID + ".xml is not well-formed XML: line 3,"), problems.get(0));
    }

    @Test
    void aDescriptorWithADoctypeIsRefusedSoNoEntityCanReachOutside() throws Exception {
        writeValidSet(FIX_ID);
        Files.writeString(
                dir.resolve(FIX_ID + ".xml"),
                "<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE update [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<update>&secret;</update>\n");

        List<String> problems = problemsOf(() -> scanner.scan(dir));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("DOCTYPE"), problems.get(0));
    }

    @Test
    void everyProblemOfEverySetIsReportedAtOnce() throws Exception {
        writeValidSet(FIX_ID);
        writeValidSet("other-2.0");
        Files.write(dir.resolve(FIX_ID + ".tgz"), gzip(new byte[10]));
        Files.writeString(dir.resolve(FIX_ID + ".xml"), "<unclosed>");
        Files.writeString(dir.resolve("other-2.0.xml"), "not xml at all");
        Files.delete(dir.resolve("other-2.0.txt"));

        List<String> problems = problemsOf(() -> scanner.scan(dir));

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(FIX_ID + ".tgz ")), problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith(FIX_ID + ".xml is not well-formed XML")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("other-2.0.xml is not well-formed XML")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("other-2.0.txt is missing")), problems.toString());
    }

    @Test
    void theExistingChecksStillApply() throws Exception {
        writeValidSet(FIX_ID);
        Files.write(dir.resolve(FIX_ID + ".chg"), new byte[0]);
        Files.writeString(dir.resolve(FIX_ID + ".tgz"), "plain text");

        List<String> problems = problemsOf(() -> scanner.scan(dir));

        assertEquals(
                List.of(
                        FIX_ID + ".chg is empty",
                        FIX_ID + ".tgz is not a gzip file (a .tgz payload must be a gzip-compressed tar)"),
                problems);
    }

    @Test
    void checkingOneSetIgnoresTheOtherFilesOfTheFolder() throws Exception {
        writeValidSet(FIX_ID);
        Files.writeString(dir.resolve("broken.xml"), "<oops");

        UpdateSet set = scanner.check(dir, FIX_ID);

        assertEquals(FIX_ID, set.fixId());
        assertEquals(4, set.files().size());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void checkingOneSetAppliesTheSameChecksAsAScan() throws Exception {
        writeValidSet(FIX_ID);
        Files.writeString(dir.resolve(FIX_ID + ".xml"), "<oops");
        Files.delete(dir.resolve(FIX_ID + ".chg"));

        List<String> problems = problemsOf(() -> scanner.check(dir, FIX_ID));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(FIX_ID + ".chg is missing"), problems.toString());
        assertTrue(problems.get(1).startsWith(FIX_ID + ".xml is not well-formed XML"), problems.toString());
    }

    private interface Check {
        void run() throws InvalidUpdateSetException;
    }

    private static List<String> problemsOf(Check check) {
        return assertThrows(InvalidUpdateSetException.class, check::run).problems();
    }

    private void writeValidSet(String fixId) throws IOException {
        Files.writeString(dir.resolve(fixId + ".chg"), "1.0: first release\n");
        Files.write(dir.resolve(fixId + ".tgz"), tarGz("payload/readme", "hello".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve(fixId + ".txt"), "Read me\n");
        Files.writeString(
                dir.resolve(fixId + ".xml"),
                "<?xml version=\"1.0\"?>\n<update><fixId>" + fixId + "</fixId></update>\n");
    }

    private static byte[] tarGz(String name, byte[] content) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(content.length);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
        return gzip(tar.toByteArray());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream out = new GzipCompressorOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
