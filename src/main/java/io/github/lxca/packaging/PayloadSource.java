package io.github.lxca.packaging;

import java.nio.file.Path;
import java.util.Locale;

/** Where the {@code .tgz} of an update set comes from. */
public sealed interface PayloadSource {

    /** An existing gzip-compressed tar, copied as it is. */
    record Archive(Path file) implements PayloadSource {}

    /** A folder archived by the packager into a reproducible gzip-compressed tar. */
    record Folder(Path directory) implements PayloadSource {}

    /**
     * Picks the payload from the configuration: an explicit file or folder, else the project's main artifact
     * when it is a {@code .tgz} or {@code .tar.gz}.
     *
     * @param payload the {@code payload} parameter, or null
     * @param payloadDirectory the {@code payloadDirectory} parameter, or null
     * @param mainArtifact the project's main artifact file, or null when the build made none
     */
    static PayloadSource choose(Path payload, Path payloadDirectory, Path mainArtifact) throws PackagingException {
        if (payload != null && payloadDirectory != null) {
            throw new PackagingException(
                    "Both payload (" + payload + ") and payloadDirectory (" + payloadDirectory + ") are set",
                    "set only one: a ready .tgz file, or a folder to archive");
        }
        if (payload != null) {
            return new Archive(payload);
        }
        if (payloadDirectory != null) {
            return new Folder(payloadDirectory);
        }
        if (mainArtifact != null && isTarGz(mainArtifact)) {
            return new Archive(mainArtifact);
        }
        throw new PackagingException(
                "No payload for the update"
                        + (mainArtifact == null
                                ? ""
                                : ": the project's artifact " + mainArtifact.getFileName()
                                        + " is not a .tgz or .tar.gz"),
                "set payload (-Dlxca.payload) to a .tgz file, or payloadDirectory (-Dlxca.payloadDirectory) to a folder to archive");
    }

    /** Whether the file's name ends in {@code .tgz} or {@code .tar.gz}. */
    public static boolean isTarGz(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tgz") || name.endsWith(".tar.gz");
    }
}
