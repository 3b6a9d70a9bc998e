package io.github.lxca.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.testing.SampleUpdateSets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateSetScannerTest {
    private static final String FIX = "lnvgy_sw_lxca_x-1.0.0_anyos_noarch";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private List<UpdateSet> scan() throws InvalidUpdateSetException {
        return new UpdateSetScanner(warnings::add).scan(dir);
    }

    @Test
    void findsACompleteSetInUploadOrder() throws Exception {
        SampleUpdateSets.write(dir, FIX);
        Files.writeString(dir.resolve("notes.md"), "hello");

        List<UpdateSet> sets = scan();

        assertEquals(1, sets.size());
        assertEquals(FIX, sets.get(0).fixId());
        assertEquals(
                List.of(FIX + ".chg", FIX + ".tgz", FIX + ".txt", FIX + ".xml"),
                sets.get(0).files().stream().map(UpdateFile::name).toList());
        assertEquals(
                List.of("application/octet-stream", "application/x-compressed", "text/plain", "text/xml"),
                sets.get(0).files().stream().map(UpdateFile::contentType).toList());
        assertEquals(List.of("Ignoring notes.md: not a .chg, .tgz, .txt or .xml file of an update set"), warnings);
    }

    @Test
    void aFifoNamedAsASetFileIsNamedAsAFifoAndNotAlsoAsMissing() throws Exception {
        SampleUpdateSets.write(dir, FIX);
        Files.delete(dir.resolve(FIX + ".chg"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve(FIX + ".chg").toString()).start();
        assertEquals(0, mkfifo.waitFor());

        InvalidUpdateSetException e = assertThrows(InvalidUpdateSetException.class, this::scan);

        assertEquals(
                List.of(FIX + ".chg is a FIFO (named pipe), not a regular file: an update set's files must be regular"
                        + " files (or links to them)"),
                e.problems());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aDescriptorLargerThanTheBoundIsRefusedBeforeItIsParsed() throws Exception {
        SampleUpdateSets.write(dir, FIX);
        Path descriptor = dir.resolve(FIX + ".xml");
        try (var out = Files.newOutputStream(descriptor)) {
            out.write("<INSTANCE><PROPERTY NAME=\"description\"><VALUE>".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[(int) UpdateSetScanner.MAX_DESCRIPTOR_BYTES]); // NULs: not even well-formed
        }
        long size = Files.size(descriptor);

        InvalidUpdateSetException e = assertThrows(InvalidUpdateSetException.class, this::scan);

        assertEquals(
                List.of(FIX + ".xml has " + size + " bytes, more than the 1048576 bytes (1 MiB) a descriptor may have"
                        + " (real ones are about 7 KB); it was not read"),
                e.problems());
    }

    @Test
    void aPayloadCheckedEarlierInTheBuildIsNotReadAgainWhileUnchanged() throws Exception {
        SampleUpdateSets.write(dir, FIX);
        CheckedPayloads checked = CheckedPayloads.NONE.with(scan().get(0));
        Path payload = dir.resolve(FIX + ".tgz");
        // Now a payload that only reading it to its end can tell broken: gzip magic, then garbage.
        FileTime stamp = Files.getLastModifiedTime(payload);
        byte[] broken = Files.readAllBytes(payload);
        Arrays.fill(broken, 10, broken.length, (byte) 7);
        Files.write(payload, broken);
        Files.setLastModifiedTime(payload, stamp);
        List<String> notes = new ArrayList<>();

        List<UpdateSet> sets = new UpdateSetScanner(
                        warnings::add, CheckedPayloads.of(checked.stamps()), note -> {}, notes::add)
                .scan(dir);

        assertEquals(FIX, sets.get(0).fixId(), "vouched for by its earlier check: not read again");
        assertEquals(
                List.of("Not reading " + FIX + ".tgz again: lxca:package-update checked it in this build and it"
                        + " has not changed since"),
                notes);

        Files.setLastModifiedTime(payload, FileTime.fromMillis(stamp.toMillis() + 2000));
        var e = assertThrows(
                InvalidUpdateSetException.class,
                () -> new UpdateSetScanner(warnings::add, checked, note -> {}, notes::add).scan(dir));
        assertTrue(
                e.problems().get(0).startsWith(FIX + ".tgz is not a readable gzip-compressed tar"),
                e.problems().toString());
    }

    @Test
    void findsSeveralSetsSortedByFixId() throws Exception {
        SampleUpdateSets.write(dir, "lnvgy_sw_lxca_b-1_anyos_noarch");
        SampleUpdateSets.write(dir, "lnvgy_sw_lxca-fw-repository-pack_1-1.0.1");
        assertEquals(
                List.of("lnvgy_sw_lxca-fw-repository-pack_1-1.0.1", "lnvgy_sw_lxca_b-1_anyos_noarch"),
                scan().stream().map(UpdateSet::fixId).toList());
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        SampleUpdateSets.write(dir, FIX);
        Files.delete(dir.resolve(FIX + ".txt"));
        Files.write(dir.resolve(FIX + ".chg"), new byte[0]);
        Files.writeString(dir.resolve(FIX + ".tgz"), "plain text, not gzip");
        Files.writeString(dir.resolve("other.xml"), "<x/>");

        var e = assertThrows(InvalidUpdateSetException.class, this::scan);

        assertEquals(
                List.of(
                        "other.chg is missing: the set other has only [other.xml]",
                        "other.tgz is missing: the set other has only [other.xml]",
                        "other.txt is missing: the set other has only [other.xml]",
                        FIX + ".txt is missing: the set " + FIX + " has only [" + FIX + ".chg, " + FIX + ".tgz, " + FIX
                                + ".xml]",
                        FIX + ".chg is empty",
                        FIX + ".tgz is not a gzip file (a .tgz payload must be a gzip-compressed tar)"),
                e.problems().stream()
                        .sorted((a, b) ->
                                a.startsWith("other") == b.startsWith("other") ? 0 : a.startsWith("other") ? -1 : 1)
                        .toList());
        assertTrue(
                e.getMessage().startsWith("The update set in " + dir + " cannot be imported:\n  - "), e.getMessage());
    }

    @Test
    void refusesUnsafeFixIds() throws Exception {
        SampleUpdateSets.write(dir, "bad name");
        var e = assertThrows(InvalidUpdateSetException.class, this::scan);
        assertEquals(
                List.of("'bad name' is not a safe fix id: " + FixId.RULE
                        + " (files [bad name.chg, bad name.tgz, bad name.txt, bad name.xml])"),
                e.problems());
    }

    @Test
    void missingEmptyOrFileFolderIsExplained() throws Exception {
        var missing = assertThrows(
                InvalidUpdateSetException.class,
                () -> new UpdateSetScanner(warnings::add).scan(dir.resolve("nothing")));
        assertTrue(missing.problems().get(0).startsWith("the folder does not exist"), missing.getMessage());

        var empty = assertThrows(InvalidUpdateSetException.class, this::scan);
        assertTrue(empty.problems().get(0).startsWith("the folder holds no update set"), empty.getMessage());

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        var notAFolder =
                assertThrows(InvalidUpdateSetException.class, () -> new UpdateSetScanner(warnings::add).scan(file));
        assertTrue(notAFolder.problems().get(0).startsWith("it is a file, not a folder"), notAFolder.getMessage());
    }

    @Test
    void fixIdRules() {
        assertTrue(FixId.isSafe("lnvgy_sw_lxca_serverrepo2-1.1.1_anyos_noarch"));
        for (String bad : List.of("", "a/b", "..", "a..b", ".hidden", "a b", "ä")) {
            assertTrue(FixId.problemWith(bad).isPresent(), bad);
        }
    }
}
