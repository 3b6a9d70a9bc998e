package io.github.lxca.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleTarGzTest {
    private static final String LONG_NAME = "deep/" + "a-rather-long-folder-name/".repeat(5) + "file.txt";
    private static final Instant TIME = Instant.parse("2026-11-26T00:00:00Z");

    @TempDir
    Path temp;

    private Path payload;

    @BeforeEach
    void createPayload() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX file modes");
        payload = temp.resolve("payload");
        write("bin/run.sh", "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(payload.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        write("lib/app.jar", "not really a jar");
        write("README", "read me");
        write("lib-extra/notes.txt", "sorted before lib/ because '-' < '/'");
        write(LONG_NAME, "a name longer than the 100 characters of a plain tar header");
        Files.createDirectories(payload.resolve("empty"));
    }

    @Test
    void theSameFolderGivesTheSameBytesTwice() throws Exception {
        Path first = temp.resolve("out1/set.tgz");
        Path second = temp.resolve("out2/set.tgz");
        Files.createDirectories(first.getParent());
        Files.createDirectories(second.getParent());

        ReproducibleTarGz.write(payload, first, TIME);
        ReproducibleTarGz.write(payload, second, TIME);

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void changedFileTimesAndNonExecutableModeBitsDoNotChangeTheBytes() throws Exception {
        Path before = temp.resolve("before.tgz");
        ReproducibleTarGz.write(payload, before, TIME);

        try (Stream<Path> all = Files.walk(payload)) {
            for (Path path : all.toList()) {
                Files.setLastModifiedTime(path, FileTime.from(Instant.parse("2031-01-02T03:04:05Z")));
            }
        }
        Files.setPosixFilePermissions(payload.resolve("README"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Path after = temp.resolve("after.tgz");
        ReproducibleTarGz.write(payload, after, TIME);

        assertArrayEquals(Files.readAllBytes(before), Files.readAllBytes(after));
    }

    @Test
    void theEntryTimeIsTheOnlyTimeInTheArchive() throws Exception {
        Path one = temp.resolve("one.tgz");
        Path other = temp.resolve("other.tgz");

        ReproducibleTarGz.write(payload, one, TIME);
        ReproducibleTarGz.write(payload, other, TIME.plusSeconds(60));

        assertFalse(java.util.Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(other)));
        // every time a tar header can hold (PAX atime, ctime and creation time included): so no wall-clock
        // time can be in the archive, without waiting for the clock to move
        for (TarArchiveEntry entry : entries(one).values()) {
            assertEquals(TIME, entry.getModTime().toInstant(), entry.getName());
            assertTrue(
                    entry.getLastAccessTime() == null
                            || entry.getLastAccessTime().toInstant().equals(TIME),
                    entry.getName());
            assertTrue(
                    entry.getStatusChangeTime() == null
                            || entry.getStatusChangeTime().toInstant().equals(TIME),
                    entry.getName());
            assertTrue(
                    entry.getCreationTime() == null
                            || entry.getCreationTime().toInstant().equals(TIME),
                    entry.getName());
        }
    }

    @Test
    void entriesAreSortedOwnedByRootWithFixedModes() throws Exception {
        Path archive = temp.resolve("set.tgz");
        ReproducibleTarGz.write(payload, archive, TIME);

        Map<String, TarArchiveEntry> entries = entries(archive);

        List<String> names = List.copyOf(entries.keySet());
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals("README", names.get(0));
        assertTrue(names.contains(LONG_NAME), names.toString());
        assertTrue(names.indexOf("lib-extra/notes.txt") < names.indexOf("lib/"), names.toString());
        for (TarArchiveEntry entry : entries.values()) {
            assertEquals(0, entry.getLongUserId(), entry.getName());
            assertEquals(0, entry.getLongGroupId(), entry.getName());
            assertEquals("root", entry.getUserName(), entry.getName());
            assertEquals("root", entry.getGroupName(), entry.getName());
        }
        assertEquals(0755, entries.get("bin/").getMode());
        assertTrue(entries.get("empty/").isDirectory());
        assertEquals(0755, entries.get("bin/run.sh").getMode());
        assertEquals(0644, entries.get("lib/app.jar").getMode());
        assertEquals(0644, entries.get("README").getMode());
        assertEquals("not really a jar".length(), entries.get("lib/app.jar").getSize());
    }

    @Test
    void theGzipHeaderCarriesNoFileNameAndNoTime() throws Exception {
        Path archive = temp.resolve("set.tgz");
        ReproducibleTarGz.write(payload, archive, TIME);

        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(archive), 10);

        assertEquals(0, header[3] & 0x08, "FNAME flag");
        assertArrayEquals(new byte[4], java.util.Arrays.copyOfRange(header, 4, 8), "MTIME");
    }

    @Test
    void aSymbolicLinkIsRefusedByName() throws Exception {
        Files.createSymbolicLink(payload.resolve("lib/link.jar"), payload.resolve("lib/app.jar"));

        PackagingException e = assertThrows(
                PackagingException.class, () -> ReproducibleTarGz.write(payload, temp.resolve("set.tgz"), TIME));

        assertTrue(e.getMessage().contains("lib/link.jar"), e.getMessage());
    }

    @Test
    void aFolderWithoutFilesIsRefused() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("nothing/inside"));

        assertThrows(
                PackagingException.class,
                () -> ReproducibleTarGz.write(empty.getParent(), temp.resolve("set.tgz"), TIME));
    }

    private void write(String relative, String content) throws IOException {
        Path file = payload.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, TarArchiveEntry> entries(Path archive) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }
}
