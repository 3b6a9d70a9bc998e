package io.github.lxca.maven;

import io.github.lxca.packaging.PackagingException;
import java.time.Instant;
import java.util.Optional;
import org.apache.maven.archiver.MavenArchiver;

/**
 * Reads {@code project.build.outputTimestamp} with maven-archiver's own {@link
 * MavenArchiver#parseBuildOutputTimestamp(String)}, as maven-jar-plugin does: seconds since the epoch, or an
 * ISO-8601 date-time with an offset ({@code 2026-11-26T00:00:00Z}), truncated to seconds. An absent value, or one
 * of a single character (Maven's way to switch it off in a child POM), means no timestamp, unless the environment
 * variable {@code SOURCE_DATE_EPOCH} gives one. A tar entry cannot hold a time before 1970, which is refused here.
 */
final class BuildTimestamp {
    private BuildTimestamp() {}

    static Optional<Instant> parse(String value) throws PackagingException {
        Optional<Instant> instant;
        try {
            instant = MavenArchiver.parseBuildOutputTimestamp(value);
        } catch (IllegalArgumentException e) { // a NumberFormatException too, for a number beyond a long
            throw new PackagingException(
                    "project.build.outputTimestamp '" + value + "' is not a timestamp",
                    "use seconds since 1970-01-01 or an ISO-8601 date-time with an offset, such as"
                            + " 2026-11-26T00:00:00Z");
        }
        if (instant.isPresent() && instant.get().isBefore(Instant.EPOCH)) {
            throw new PackagingException(
                    "project.build.outputTimestamp '" + value + "' is before 1970-01-01,"
                            + " which a tar entry cannot hold",
                    "set a later date, such as the release's");
        }
        return instant;
    }
}
