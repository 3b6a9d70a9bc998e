package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsPlainSecondsAndIsoDurations() throws Exception {
        assertEquals(Duration.ofSeconds(30), Durations.parse("lxca.pollInterval", "30"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("lxca.pollInterval", " 30 "));
        assertEquals(Duration.ofMinutes(30), Durations.parse("lxca.taskTimeout", "PT30M"));
        assertEquals(Duration.ofMillis(500), Durations.parse("lxca.pollInterval", "PT0.5S"));
    }

    @Test
    void refusesNonsenseAndZeroNamingTheProperty() {
        var bad = assertThrows(MojoFailureException.class, () -> Durations.parse("lxca.taskTimeout", "1h"));
        assertEquals(
                "lxca.taskTimeout must be a number of seconds or an ISO-8601 duration, not '1h'"
                        + "\nWhat to do: write it as seconds (such as 30) or as ISO-8601 (such as PT30M)",
                bad.getMessage());
        var zero = assertThrows(MojoFailureException.class, () -> Durations.parse("lxca.pollInterval", "0"));
        assertEquals(
                "lxca.pollInterval must be longer than zero, not '0'",
                zero.getMessage().lines().findFirst().orElseThrow());
        assertThrows(MojoFailureException.class, () -> Durations.parse("lxca.pollInterval", "-PT5S"));
    }
}
