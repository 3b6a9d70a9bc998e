package io.github.lxca.update;

import java.util.List;

/** A complete, validated LXCA update set: four files sharing one fix id, in upload order. */
public record UpdateSet(String fixId, List<UpdateFile> files) {
    public UpdateSet {
        files = List.copyOf(files);
    }

    public long totalSize() {
        return files.stream().mapToLong(UpdateFile::size).sum();
    }
}
