package io.github.lxca.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes small but real update sets (a gzip tar payload, text files, well-formed XML) for tests. */
public final class SampleUpdateSets {
    private SampleUpdateSets() {}

    public static Path write(Path directory, String fixId) throws IOException {
        return write(directory, fixId, 4096);
    }

    /** Writes the four files of {@code fixId} with a payload holding {@code payloadBytes} random bytes. */
    public static Path write(Path directory, String fixId, int payloadBytes) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(fixId + ".chg"), "1.0.0: first release\n");
        Files.writeString(directory.resolve(fixId + ".txt"), "Readme of " + fixId + "\n");
        Files.writeString(directory.resolve(fixId + ".xml"), lenovoDescriptor(fixId));
        byte[] content = new byte[payloadBytes];
        new Random(fixId.hashCode()).nextBytes(content);
        try (OutputStream file = Files.newOutputStream(directory.resolve(fixId + ".tgz"));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            TarArchiveEntry entry = new TarArchiveEntry("payload.bin");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return directory;
    }

    /** A minimal descriptor in Lenovo's layout that names the set's own payload and itself. */
    public static String lenovoDescriptor(String fixId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<INSTANCE>\n"
                + "  <PROPERTY NAME=\"Version\" TYPE=\"string\"><VALUE>1 1.0.0</VALUE></PROPERTY>\n"
                + "  <PROPERTY NAME=\"payload\" TYPE=\"string\"><VALUE>" + fixId + ".tgz</VALUE></PROPERTY>\n"
                + "  <PROPERTY NAME=\"xmlFilename\" TYPE=\"string\"><VALUE>" + fixId + ".xml</VALUE></PROPERTY>\n"
                + "</INSTANCE>\n";
    }

    /** A descriptor in a layout of its own, which import-update does not check against its set. */
    public static String otherDescriptor(String fixId) {
        return "<?xml version=\"1.0\"?>\n<update><fixid>" + fixId + "</fixid></update>\n";
    }

    public static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
