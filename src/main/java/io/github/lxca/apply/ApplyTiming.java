package io.github.lxca.apply;

import java.time.Duration;

/**
 * How long an apply is followed: {@code timeout} in all; no lasting error counts as a failure during
 * {@code gracePeriod}, and LXCA that came back with its old version is given as long again to report the new
 * one; polls are {@code firstInterval} apart while LXCA answers and back off, doubling, to
 * {@code maxInterval} while it does not.
 */
public record ApplyTiming(Duration timeout, Duration gracePeriod, Duration firstInterval, Duration maxInterval) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);

    public ApplyTiming {
        if (firstInterval.isNegative() || firstInterval.isZero() || maxInterval.compareTo(firstInterval) < 0) {
            throw new IllegalArgumentException("Poll intervals must be positive, the first no longer than the longest: "
                    + firstInterval + ", " + maxInterval);
        }
    }
}
