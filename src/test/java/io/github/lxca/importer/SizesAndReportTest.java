package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of the log lines and the report, which the mutation run found unpinned. */
class SizesAndReportTest {
    @Test
    void bytesChangeUnitAt1024() {
        assertEquals("1023 B", Sizes.bytes(1023));
        assertEquals("1.0 KiB", Sizes.bytes(1024));
        assertEquals("1.5 KiB", Sizes.bytes(1536));
        assertEquals("1023.0 KiB", Sizes.bytes(1023L * 1024));
        assertEquals("1.0 MiB", Sizes.bytes(1024L * 1024));
        assertEquals("2.0 GiB", Sizes.bytes(2L << 30));
        assertEquals("1024.0 TiB", Sizes.bytes(1L << 50), "the largest unit goes on counting");
    }

    @Test
    void ratesAndSecondsAreWorkedOutNotGuessed() {
        assertEquals("2.0 MiB/s", Sizes.rate(4L << 20, Duration.ofSeconds(2)));
        assertEquals("0.5 MiB/s", Sizes.rate(1L << 20, Duration.ofSeconds(2)));
        assertEquals("1.5 s", Sizes.seconds(Duration.ofMillis(1500)));
        assertEquals("1000000000.0 MiB/s", Sizes.rate(1L << 20, Duration.ZERO), "no time counts as a nanosecond");
    }

    private static ImportResult imported(long bytes, Duration duration) {
        return new ImportResult(
                ImportOutcome.IMPORTED, List.of("fix"), List.of(), "7", "Complete", bytes, duration, List.of());
    }

    @Test
    void theReportsThroughputIsMiBPerSecondAndOnlyWhenSomethingWasSentOverTime() {
        ReportEntry entry = ReportEntry.of("sim", "admin", imported(4L << 20, Duration.ofSeconds(2)));

        assertEquals(2.0, entry.throughputMiBPerSecond(), 1e-9);
        assertEquals(2000, entry.durationMillis());
        assertFalse(entry.isFailure());
        assertNull(ReportEntry.of("sim", "admin", imported(0, Duration.ofSeconds(2)))
                .throughputMiBPerSecond());
        assertNull(ReportEntry.of("sim", "admin", imported(1, Duration.ZERO)).throughputMiBPerSecond());
        assertEquals(
                1000.0,
                ReportEntry.of("sim", "admin", imported(1L << 20, Duration.ofMillis(1)))
                        .throughputMiBPerSecond(),
                1e-9);
    }

    @Test
    void aFailedEntryIsAFailure() {
        ReportEntry failed = ReportEntry.failed(
                "sim", "admin", List.of("fix"), 5, new IllegalStateException("boom"), new JobProgress());

        assertTrue(failed.isFailure());
        assertEquals(ImportOutcome.FAILED, failed.outcome());
        assertNull(failed.jobId());
    }
}
