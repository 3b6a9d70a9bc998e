package io.github.lxca.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/** A reply's {@code Retry-After} header (RFC 9110): seconds to wait, or the HTTP date to wait until. */
final class RetryAfter {
    private RetryAfter() {}

    /** How long the header asks to wait from {@code now}; empty without a header or with one that cannot be read. */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        Instant until = DateUtils.parseStandardDate(text);
        if (until == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, until);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
}
