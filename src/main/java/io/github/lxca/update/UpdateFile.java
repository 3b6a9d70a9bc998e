package io.github.lxca.update;

import java.nio.file.Path;

/** One file of an update set, with the size it had when the set was validated. */
public record UpdateFile(UpdateFileType type, Path path, long size) {
    public String name() {
        return path.getFileName().toString();
    }

    public String contentType() {
        return type.contentType();
    }
}
