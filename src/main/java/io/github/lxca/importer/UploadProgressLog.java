package io.github.lxca.importer;

import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.UploadListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns upload progress into log lines a person can read in CI: at most one per interval, plus one
 * when the last byte is sent. Costs one clock read per write when nothing is logged. The sizes are
 * those of the request body on the wire (the set's files plus the multipart framing); the upload's one
 * throughput figure is logged when it has finished.
 */
final class UploadProgressLog implements UploadListener {
    private final LxcaLog log;
    private final Clock clock;
    private final Duration interval;
    private Instant nextLine;
    private long bytesSent;

    UploadProgressLog(LxcaLog log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
        this.nextLine = clock.instant().plus(interval);
    }

    @Override
    public void progress(long bytesSent, long totalBytes) {
        this.bytesSent = bytesSent;
        boolean done = bytesSent >= totalBytes;
        Instant now = clock.instant();
        if (!done && now.isBefore(nextLine)) {
            return;
        }
        nextLine = now.plus(interval);
        long percent = totalBytes > 0 ? bytesSent * 100 / totalBytes : 100;
        log.info(String.format(
                Locale.ROOT,
                "Uploaded %s of a %s request body (%d%%)",
                Sizes.bytes(bytesSent),
                Sizes.bytes(totalBytes),
                percent));
    }

    /** The request body's bytes sent so far. */
    long bytesSent() {
        return bytesSent;
    }
}
