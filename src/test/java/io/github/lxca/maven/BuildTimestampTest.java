package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lxca.packaging.PackagingException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** project.build.outputTimestamp as maven-archiver reads it, and the build's message when it is no timestamp. */
class BuildTimestampTest {

    @Test
    void readsAnIsoInstant() throws Exception {
        assertEquals(Optional.of(Instant.parse("2026-11-26T00:00:00Z")), BuildTimestamp.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void readsAnOffsetAndConvertsToUtcDroppingFractions() throws Exception {
        assertEquals(
                Optional.of(Instant.parse("2026-11-25T22:30:00Z")),
                BuildTimestamp.parse("2026-11-26T00:30:00.750+02:00"));
    }

    @Test
    void readsSecondsSinceTheEpoch() throws Exception {
        assertEquals(Optional.of(Instant.ofEpochSecond(1_795_651_200L)), BuildTimestamp.parse("1795651200"));
    }

    @Test
    void absentBlankOrOneCharacterMeansNoTimestamp() throws Exception {
        assumeTrue(System.getenv("SOURCE_DATE_EPOCH") == null, "maven-archiver then takes SOURCE_DATE_EPOCH");
        assertEquals(Optional.empty(), BuildTimestamp.parse(null));
        assertEquals(Optional.empty(), BuildTimestamp.parse(""));
        assertEquals(Optional.empty(), BuildTimestamp.parse("a"));
    }

    @Test
    void somethingElseIsRefusedNamingTheValueAndTheForms() {
        PackagingException e = assertThrows(PackagingException.class, () -> BuildTimestamp.parse("yesterday"));

        assertEquals(
                "project.build.outputTimestamp 'yesterday' is not a timestamp\n"
                        + "What to do: use seconds since 1970-01-01 or an ISO-8601 date-time with an offset, such as"
                        + " 2026-11-26T00:00:00Z",
                e.getMessage());
    }

    @Test
    void aDateWithoutATimeOrANumberBeyondALongIsRefusedTheSameWay() {
        for (String value : new String[] {"2026-11-26", "99999999999999999999"}) {
            PackagingException e = assertThrows(PackagingException.class, () -> BuildTimestamp.parse(value));

            assertEquals(
                    "project.build.outputTimestamp '" + value + "' is not a timestamp",
                    e.getMessage().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void aTimeBefore1970IsRefusedAsATarEntryCannotHoldIt() {
        PackagingException e =
                assertThrows(PackagingException.class, () -> BuildTimestamp.parse("1969-12-31T23:59:59Z"));

        assertEquals(
                "project.build.outputTimestamp '1969-12-31T23:59:59Z' is before 1970-01-01, which a tar entry cannot"
                        + " hold\nWhat to do: set a later date, such as the release's",
                e.getMessage());
    }
}
