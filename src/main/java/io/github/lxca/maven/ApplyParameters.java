package io.github.lxca.maven;

import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.apply.ApplyTiming;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/**
 * How an apply was asked for, as the user set it; {@link #request(String)} checks it and makes the
 * {@link ApplyRequest} for one fix id. Shared by {@code apply-update} and {@code import-update -Dlxca.apply}.
 *
 * @param version the update's version when its fix id names none ({@code lxca.version})
 */
record ApplyParameters(
        String version,
        String applyTimeout,
        String applyGracePeriod,
        String applyPollInterval,
        String applyMaxPollInterval,
        boolean dryRun) {

    /** {@code lnvgy_sw_lxca_<component>-<version>_anyos_noarch}: the version in a fix id of Lenovo's pattern. */
    private static final Pattern VERSION_IN_FIX_ID = Pattern.compile("^lnvgy_sw_lxca_.*?-(\\d[^_]*)_anyos_noarch$");

    ApplyRequest request(String fixId) throws MojoFailureException {
        return new ApplyRequest(fixId, updateVersion(fixId), timing(), dryRun);
    }

    /** The timing, checked: call it before anything changes, so that a mistyped duration fails the build first. */
    ApplyTiming timing() throws MojoFailureException {
        Duration firstPoll = Durations.parse(LxcaProperties.APPLY_POLL_INTERVAL, applyPollInterval);
        Duration longestPoll = Durations.parse(LxcaProperties.APPLY_MAX_POLL_INTERVAL, applyMaxPollInterval);
        if (longestPoll.compareTo(firstPoll) < 0) {
            throw new PluginConfigurationException(
                    "lxca.applyMaxPollInterval must not be shorter than lxca.applyPollInterval",
                    "raise lxca.applyMaxPollInterval, or lower lxca.applyPollInterval");
        }
        return new ApplyTiming(
                Durations.parse(LxcaProperties.APPLY_TIMEOUT, applyTimeout),
                Durations.parse(LxcaProperties.APPLY_GRACE_PERIOD, applyGracePeriod),
                firstPoll,
                longestPoll);
    }

    /** The version the fix id names, else {@code lxca.version}. */
    String updateVersion(String fixId) throws MojoFailureException {
        Matcher matcher = VERSION_IN_FIX_ID.matcher(fixId);
        if (matcher.matches()) {
            return matcher.group(1);
        }
        if (version == null || version.isBlank()) {
            throw new PluginConfigurationException(
                    "The version of " + fixId + " is unknown: its fix id does not name one",
                    "set lxca.version to the version the update installs, so that it can be checked against LXCA's");
        }
        return version;
    }
}
