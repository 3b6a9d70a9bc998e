package io.github.lxca.maven;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apache.maven.plugin.MojoFailureException;

/** Reads a duration parameter given as plain seconds ({@code 30}) or ISO-8601 ({@code PT30M}). */
final class Durations {
    private Durations() {}

    static Duration parse(String property, String value) throws MojoFailureException {
        String text = value == null ? "" : value.strip();
        try {
            Duration duration = text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new PluginConfigurationException(
                        property + " must be longer than zero, not '" + value + "'",
                        "give a positive number of seconds (such as 30) or an ISO-8601 duration (such as PT30M)");
            }
            return duration;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new PluginConfigurationException(
                    property + " must be a number of seconds or an ISO-8601 duration," + " not '" + value + "'",
                    "write it as seconds (such as 30) or as ISO-8601 (such as PT30M)");
        }
    }
}
