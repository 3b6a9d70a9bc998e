package io.github.lxca.importer;

import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.UploadListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns upload progress into log lines a person can read in CI: at most one per interval, plus one
 * when the last byte is sent. Costs one clock read per write when nothing is logged.
 */
final class UploadProgressLog implements UploadListener {
    private final LxcaLog log;
    private final Clock clock;
    private final Duration interval;
    private final Instant start;
    private Instant nextLine;

    UploadProgressLog(LxcaLog log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
        this.start = clock.instant();
        this.nextLine = start.plus(interval);
    }

    @Override
    public void progress(long bytesSent, long totalBytes) {
        boolean done = bytesSent >= totalBytes;
        Instant now = clock.instant();
        if (!done && now.isBefore(nextLine)) {
            return;
        }
        nextLine = now.plus(interval);
        long percent = totalBytes > 0 ? bytesSent * 100 / totalBytes : 100;
        log.info(String.format(Locale.ROOT, "Uploaded %s of %s (%d%%) at %s", Sizes.bytes(bytesSent),
                Sizes.bytes(totalBytes), percent, Sizes.rate(bytesSent, Duration.between(start, now))));
    }
}
