package io.github.lxca.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of every goal that applies an update: {@code apply-update}, and {@code import-update} with
 * {@code apply}; read through {@link ApplyParameters}.
 */
abstract class AbstractApplyMojo extends AbstractConnectionMojo {

    /**
     * Rehearse: check everything and change nothing. {@code import-update} checks the sets, logs in, reads the
     * repository and prints what would be uploaded, and uploads nothing; an apply says what would be applied and
     * the version check's verdict, applies nothing, and never fails on the verdict; a rollout halts nowhere.
     */
    @Parameter(property = LxcaProperties.DRY_RUN, defaultValue = "false")
    protected boolean dryRun;

    /** How long to follow the apply, restart included, before failing: seconds or ISO-8601 ({@code PT60M}). */
    @Parameter(property = LxcaProperties.APPLY_TIMEOUT, defaultValue = LxcaProperties.APPLY_TIMEOUT_DEFAULT)
    private String applyTimeout;

    /**
     * How long after the apply no lasting error counts as a failure, and how long LXCA, back from its restart with the
     * old version, is given to report the new one: seconds or ISO-8601.
     */
    @Parameter(property = LxcaProperties.APPLY_GRACE_PERIOD, defaultValue = LxcaProperties.APPLY_GRACE_PERIOD_DEFAULT)
    private String applyGracePeriod;

    /** Time between polls while LXCA answers; while it does not, the wait doubles up to {@code applyMaxPollInterval}. */
    @Parameter(property = LxcaProperties.APPLY_POLL_INTERVAL, defaultValue = LxcaProperties.APPLY_POLL_INTERVAL_DEFAULT)
    private String applyPollInterval;

    /** The longest wait between polls while LXCA does not answer. */
    @Parameter(
            property = LxcaProperties.APPLY_MAX_POLL_INTERVAL,
            defaultValue = LxcaProperties.APPLY_MAX_POLL_INTERVAL_DEFAULT)
    private String applyMaxPollInterval;

    /** Where the JSON report of the applies is written, on success and on failure. */
    @Parameter(property = LxcaProperties.APPLY_REPORT_FILE, defaultValue = LxcaProperties.APPLY_REPORT_FILE_DEFAULT)
    private File applyReportFile;

    AbstractApplyMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /** The apply as asked for; {@link ApplyParameters#request(String)} checks it for one fix id. */
    ApplyParameters applyParameters() {
        return new ApplyParameters(
                updateVersion(), applyTimeout, applyGracePeriod, applyPollInterval, applyMaxPollInterval, dryRun);
    }

    /** Where the apply report goes. */
    Path applyReportFile() {
        return withoutProject(applyReportFile);
    }
}
