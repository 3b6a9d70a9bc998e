package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadProgressLogTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void logsAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        TestClock clock = new TestClock();
        RecordingLog log = new RecordingLog();
        UploadProgressLog progress = new UploadProgressLog(log, clock, Duration.ofSeconds(5));

        progress.progress(10 * MIB, 100 * MIB);
        clock.advance(Duration.ofSeconds(4));
        progress.progress(40 * MIB, 100 * MIB);
        clock.advance(Duration.ofSeconds(1));
        progress.progress(50 * MIB, 100 * MIB);
        clock.advance(Duration.ofSeconds(1));
        progress.progress(60 * MIB, 100 * MIB);
        clock.advance(Duration.ofSeconds(4));
        progress.progress(100 * MIB, 100 * MIB);

        assertEquals(
                List.of(
                        "INFO Uploaded 50.0 MiB of a 100.0 MiB request body (50%)",
                        "INFO Uploaded 100.0 MiB of a 100.0 MiB request body (100%)"),
                log.lines());
        assertEquals(100 * MIB, progress.bytesSent());
    }

    @Test
    void theLastByteIsLoggedAtOnceEvenWithinTheInterval() {
        TestClock clock = new TestClock();
        RecordingLog log = new RecordingLog();
        UploadProgressLog progress = new UploadProgressLog(log, clock, Duration.ofSeconds(5));

        progress.progress(10, 100);
        assertEquals(10, progress.bytesSent(), "counted although not logged");
        progress.progress(100, 100);

        assertEquals(List.of("INFO Uploaded 100 B of a 100 B request body (100%)"), log.lines());
    }

    @Test
    void anEmptyBodyIsAllSent() {
        RecordingLog log = new RecordingLog();
        new UploadProgressLog(log, new TestClock(), Duration.ofSeconds(5)).progress(0, 0);

        assertEquals(List.of("INFO Uploaded 0 B of a 0 B request body (100%)"), log.lines());
    }
}
