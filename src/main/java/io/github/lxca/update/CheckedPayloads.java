package io.github.lxca.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Payloads this build has already read to their end and found good (by {@code package-update}), each
 * with the size and modification time it had then. Reading a compressed payload of a few GiB takes
 * longer than uploading it, so the import does not read one again while it is unchanged.
 */
public final class CheckedPayloads {
    public static final CheckedPayloads NONE = new CheckedPayloads(Set.of());

    private final Set<String> stamps;

    private CheckedPayloads(Set<String> stamps) {
        this.stamps = stamps;
    }

    /** Restores what {@link #stamps()} gave; unreadable entries just do not count. */
    public static CheckedPayloads of(Collection<String> stamps) {
        return new CheckedPayloads(Set.copyOf(stamps));
    }

    /** Adds the payloads of {@code set}, as they are on disk now. */
    public CheckedPayloads with(UpdateSet set) throws IOException {
        Set<String> more = new HashSet<>(stamps);
        for (UpdateFile file : set.files()) {
            if (file.type() == UpdateFileType.PAYLOAD) {
                more.add(stamp(file.path()));
            }
        }
        return new CheckedPayloads(Set.copyOf(more));
    }

    /** Plain strings, so that they can pass between goals in the project's context. */
    public List<String> stamps() {
        return stamps.stream().sorted().collect(Collectors.toList());
    }

    /** Whether {@code payload} was checked in this build and has not changed since. */
    public boolean vouchFor(Path payload) {
        if (stamps.isEmpty()) {
            return false;
        }
        try {
            return stamps.contains(stamp(payload));
        } catch (IOException e) {
            return false;
        }
    }

    private static String stamp(Path path) throws IOException {
        return path.toAbsolutePath().normalize() + "|" + Files.size(path) + "|"
                + Files.getLastModifiedTime(path).toMillis();
    }
}
