package io.github.lxca.packaging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Archives a folder as a gzip-compressed tar whose bytes depend only on the files' paths, contents and
 * executable bits: entries are sorted, owners, modes and times are fixed, and the gzip header carries no
 * file name or time.
 */
public final class ReproducibleTarGz {
    /** Entry time when the build sets no {@code project.build.outputTimestamp}. */
    public static final Instant DEFAULT_ENTRY_TIME = Instant.parse("1980-01-01T00:00:00Z");

    static final int FILE_MODE = 0644;
    static final int EXECUTABLE_MODE = 0755;
    static final int DIRECTORY_MODE = 0755;
    private static final String OWNER = "root";

    private ReproducibleTarGz() {}

    public static void write(Path folder, Path archive, Instant entryTime) throws PackagingException, IOException {
        if (Files.isSymbolicLink(folder)) {
            // Files.walk does not follow it, so it would look empty; a link's target also differs between machines
            Path target = folder.resolveSibling(Files.readSymbolicLink(folder)).normalize();
            throw new PackagingException(
                    "The payload folder " + folder + " is a symbolic link (to " + target + "), which is not followed",
                    "point payloadDirectory at the real folder " + target + " itself");
        }
        List<Path> contents = contentsOf(folder);
        if (contents.stream().noneMatch(Files::isRegularFile)) {
            throw new PackagingException("The payload folder " + folder + " holds no files", "build the payload first");
        }
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setFileName(null);
        FileTime time = FileTime.from(entryTime);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive));
                GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(file, gzip);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : contents) {
                boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                TarArchiveEntry entry = new TarArchiveEntry(entryName(folder, path, directory));
                entry.setModTime(time);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName(OWNER);
                entry.setGroupName(OWNER);
                entry.setMode(directory ? DIRECTORY_MODE : isExecutable(path) ? EXECUTABLE_MODE : FILE_MODE);
                if (!directory) {
                    entry.setSize(Files.size(path));
                }
                tar.putArchiveEntry(entry);
                if (!directory) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    /** Every file and folder below {@code folder}, sorted by entry name; links and special files are refused. */
    private static List<Path> contentsOf(Path folder) throws PackagingException, IOException {
        List<Path> contents = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(path -> !path.equals(folder)).forEach(path -> {
                if (Files.isSymbolicLink(path)
                        || !(Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                                || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
                    refused.add(folder.relativize(path).toString());
                } else {
                    contents.add(path);
                }
            });
        }
        if (!refused.isEmpty()) {
            // A link's target differs between machines, so it cannot be archived reproducibly.
            throw new PackagingException(
                    "The payload folder " + folder + " holds symbolic links or special files,"
                            + " which are not archived: "
                            + refused.stream().sorted().toList(),
                    "copy the real files in instead");
        }
        contents.sort(Comparator.comparing(
                path -> entryName(folder, path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))));
        return contents;
    }

    private static String entryName(Path folder, Path path, boolean directory) {
        List<String> segments = new ArrayList<>();
        folder.relativize(path).forEach(segment -> segments.add(segment.toString()));
        return String.join("/", segments) + (directory ? "/" : "");
    }

    /** Owner-executable files keep an executable mode; on file systems without POSIX modes, none is executable. */
    private static boolean isExecutable(Path file) throws IOException {
        PosixFileAttributeView posix =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return posix != null && posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }
}
