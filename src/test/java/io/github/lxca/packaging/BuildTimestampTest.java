package io.github.lxca.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
        assertEquals(Optional.empty(), BuildTimestamp.parse(null));
        assertEquals(Optional.empty(), BuildTimestamp.parse(""));
        assertEquals(Optional.empty(), BuildTimestamp.parse("a"));
    }

    @Test
    void somethingElseIsRefusedNamingTheValue() {
        PackagingException e = assertThrows(PackagingException.class, () -> BuildTimestamp.parse("yesterday"));

        assertTrue(e.getMessage().contains("'yesterday'"), e.getMessage());
    }
}
