package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofMinutes(2)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Thu, 03 Dec 2026 07:01:30 GMT", NOW));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Thu, 03 Dec 2026 06:00:00 GMT", NOW));
    }

    @Test
    void noHeaderOrOneThatCannotBeReadAsksForNothing() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(" ", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
    }
}
