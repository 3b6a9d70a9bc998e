package io.github.lxca.packaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads {@code project.build.outputTimestamp} the way Maven's reproducible-build support does: seconds since
 * the epoch, or an ISO-8601 date-time with an offset ({@code 2026-11-26T00:00:00Z}). An absent value, or
 * one of a single character (Maven's way to switch it off in a child POM), means no timestamp.
 */
public final class BuildTimestamp {
    private BuildTimestamp() {}

    public static Optional<Instant> parse(String value) throws PackagingException {
        if (value == null || value.strip().length() < 2) {
            return Optional.empty();
        }
        String text = value.strip();
        Instant instant;
        try {
            instant = text.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new PackagingException(
                    "project.build.outputTimestamp '" + value + "' is not a timestamp",
                    "use seconds since 1970-01-01 or an ISO-8601 date-time such as 2026-11-26T00:00:00Z");
        }
        if (instant.isBefore(Instant.EPOCH)) {
            throw new PackagingException(
                    "project.build.outputTimestamp '" + value + "' is before 1970-01-01,"
                            + " which a tar entry cannot hold",
                    "set a later date, such as the release's");
        }
        return Optional.of(instant);
    }
}
