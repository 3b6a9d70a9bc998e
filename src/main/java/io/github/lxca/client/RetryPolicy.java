package io.github.lxca.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often, and after how long a wait, a call that failed for a passing reason is made again:
 * exponential backoff from {@code firstDelay}, capped at {@code maxDelay}, each wait stretched by a
 * random 0-50% so that many pipelines do not retry in step.
 */
public record RetryPolicy(int retries, Duration firstDelay, Duration maxDelay, Sleeper sleeper, DoubleSupplier random) {

    public static RetryPolicy standard(int retries) {
        return new RetryPolicy(retries, Duration.ofSeconds(1), Duration.ofSeconds(30), Sleeper.REAL, Math::random);
    }

    /** The wait before retry number {@code retry} (1 for the first). */
    public Duration delayBefore(int retry) {
        long base = firstDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped + (long) (capped * 0.5 * random.getAsDouble()));
    }
}
