package io.github.lxca.update;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Checks that a payload is a tar inside gzip that can be read to its end. */
final class GzipTar {
    private GzipTar() {}

    /**
     * Reads every entry and every byte, because a truncated or corrupt archive often has good headers
     * and fails only further in. Returns why the archive cannot be read, or empty when it can.
     */
    static Optional<String> problemWith(Path archive) {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                GzipCompressorInputStream gzip = GzipCompressorInputStream.builder()
                        .setInputStream(file)
                        .setDecompressConcatenated(true)
                        .get();
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            int entries = 0;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries++;
                tar.transferTo(OutputStream.nullOutputStream());
            }
            if (entries == 0) {
                return Optional.of("holds no files: the gzip does not contain a tar, or the tar is empty");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // commons-compress reports some corrupt headers as unchecked exceptions.
            return Optional.of("is not a readable gzip-compressed tar: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
