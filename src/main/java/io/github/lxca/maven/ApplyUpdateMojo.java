package io.github.lxca.maven;

import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.client.ConnectionSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Applies one update from LXCA's updates repository to LXCA itself ({@code PUT /managementServer/updates?action=apply}),
 * once, and follows it through the appliance's restart until LXCA proves it runs the new version. Refuses, before
 * changing anything, an update that is not in the repository or not newer than the version LXCA runs. Writes
 * {@code apply-report.json}. It changes the appliance: run it only where that is meant. It applies to the one LXCA
 * of {@code url}; to apply to several, list them in {@code <servers>} of {@code lxca:import-update} and set its
 * {@code apply} ({@code -Dlxca.apply=true}): a staged rollout with a canary and waves.
 */
@Mojo(name = "apply-update", requiresProject = false, threadSafe = true)
public class ApplyUpdateMojo extends AbstractUpdateMojo {

    /** Base URL of LXCA, {@code https://host[:port]}, without a path. */
    @Parameter(property = "lxca.url")
    private String url;

    /**
     * Not read by this goal, which applies to the one LXCA of {@code url}: an apply to the LXCAs of
     * {@code <servers>} is a staged rollout run by {@code lxca:import-update} with {@code apply} set to true
     * ({@code -Dlxca.apply=true}), which imports into each and applies with a canary, waves and
     * {@code maxFailures}. Declared only so that a pom that configures {@code <servers>} for this goal fails
     * with that advice instead of the entries being ignored.
     */
    @Parameter
    private List<LxcaServer> servers;

    /** Id of the {@code <server>} in {@code settings.xml} that holds the LXCA user name and password. */
    @Parameter(property = "lxca.serverId", defaultValue = "lxca")
    private String serverId;

    /** LXCA user name when {@code settings.xml} has no server entry {@code serverId} (then {@code LXCA_USERNAME}). */
    @Parameter(property = "lxca.username")
    private String username;

    /** A PKCS12 or JKS file whose certificates are trusted in addition to the JVM's. */
    @Parameter(property = "lxca.trustStore")
    private File trustStore;

    /** Trust exactly the LXCA certificate with this SHA-256 fingerprint. */
    @Parameter(property = "lxca.certificateFingerprint")
    private String certificateFingerprint;

    /** Skip every certificate and host name check. For labs only. */
    @Parameter(property = "lxca.insecure", defaultValue = "false")
    private boolean insecure;

    /** Allow an {@code http://} URL, which sends the password in clear. */
    @Parameter(property = "lxca.allowPlainHttp", defaultValue = "false")
    private boolean allowPlainHttp;

    /** How long to wait for a TCP connection to LXCA, in seconds or ISO-8601. */
    @Parameter(property = "lxca.connectTimeout", defaultValue = "30")
    private String connectTimeout;

    /**
     * The deadline of each call to LXCA, in seconds or ISO-8601: connecting, the handshake, the request and the whole
     * reply (see import-update). While LXCA restarts, each poll and log-in gets at most 20 s.
     */
    @Parameter(property = "lxca.readTimeout", defaultValue = "600")
    private String readTimeout;

    /** How often a call before the apply that failed for a passing reason is made again. The apply itself never is. */
    @Parameter(property = "lxca.retries", defaultValue = "3")
    private int retries;

    /** Say what would be applied and the version check's verdict; apply nothing, and never fail on the verdict. */
    @Parameter(property = "lxca.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** How long to follow the apply, restart included, before failing: seconds or ISO-8601 ({@code PT60M}). */
    @Parameter(property = "lxca.applyTimeout", defaultValue = "3600")
    private String applyTimeout;

    /**
     * How long after the apply no lasting error counts as a failure, and how long LXCA, back from its restart with the
     * old version, is given to report the new one: seconds or ISO-8601.
     */
    @Parameter(property = "lxca.applyGracePeriod", defaultValue = "600")
    private String applyGracePeriod;

    /** Time between polls while LXCA answers; while it does not, the wait doubles up to {@code applyMaxPollInterval}. */
    @Parameter(property = "lxca.applyPollInterval", defaultValue = "5")
    private String applyPollInterval;

    /** The longest wait between polls while LXCA does not answer. */
    @Parameter(property = "lxca.applyMaxPollInterval", defaultValue = "30")
    private String applyMaxPollInterval;

    /** Where the JSON report of the apply is written, on success and on failure. */
    @Parameter(property = "lxca.applyReportFile", defaultValue = "${project.build.directory}/lxca/apply-report.json")
    private File applyReportFile;

    /** Skip the apply only. A skipped apply deletes the apply report of an earlier run, so that CI archives no stale one. */
    @Parameter(property = "lxca.skipApply", defaultValue = "false")
    private boolean skipApply;

    private final SettingsDecrypter settingsDecrypter;

    /** The environment that credentials and the trust store password may come from; replaced in tests. */
    UnaryOperator<String> environment = System::getenv;

    @Inject
    public ApplyUpdateMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        origins();
        if (skip || skipApply) {
            getLog().info("Skipping the LXCA apply: " + (skip ? "lxca.skip" : "lxca.skipApply") + " is true");
            deleteEarlierReport();
            return;
        }
        if (session.isOffline()) {
            throw new PluginConfigurationException(
                    "lxca:apply-update must reach LXCA, but Maven is offline (-o)",
                    "run without -o, or set -Dlxca.skipApply to leave the apply out");
        }
        Planned planned = plan();
        new ApplyStep(reportFile(), getLog()).apply(planned.connection(), planned.request());
    }

    Path reportFile() {
        return withoutProject(applyReportFile);
    }

    /** A skipped apply leaves no report of an earlier run, which CI would archive as this run's. */
    private void deleteEarlierReport() throws MojoExecutionException {
        Path report = reportFile();
        try {
            if (Files.deleteIfExists(report)) {
                getLog().info("Deleted the apply report of an earlier run, " + report + ": this run applied nothing");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot delete the apply report of an earlier run, " + report + ": "
                    + e.getMessage() + "\nWhat to do: delete it, or set lxca.applyReportFile elsewhere, so that CI"
                    + " does not archive an earlier run's apply as this one's");
        }
    }

    /** What this run applies, and where. */
    record Planned(ConnectionSettings connection, ApplyRequest request) {}

    /** The connection and the apply, from the parameters; checks them before anything is sent. */
    Planned plan() throws MojoFailureException {
        if (servers != null && !servers.isEmpty()) {
            throw new PluginConfigurationException(
                    "lxca:apply-update applies to the one LXCA of lxca.url, but its configuration has <servers> ("
                            + servers.size() + " entries), which it does not read",
                    "apply to the LXCAs of <servers> with lxca:import-update and <apply>true</apply> (or"
                            + " -Dlxca.apply=true): a staged rollout with canary, waves and maxFailures; move"
                            + " <servers> to that goal's configuration, or set lxca.url here to apply to one LXCA");
        }
        if (url == null || url.isBlank()) {
            throw new PluginConfigurationException(
                    "lxca:apply-update needs the URL of LXCA", "set lxca.url (-Dlxca.url=https://host)");
        }
        SettingSources sources = SettingSources.of(session, environment, settingsDecrypter, getLog());
        ConnectionBuilder connections = new ConnectionBuilder(
                new ConnectionParameters(
                        serverId,
                        username,
                        pathOf(trustStore),
                        certificateFingerprint,
                        insecure,
                        allowPlainHttp,
                        connectTimeout,
                        readTimeout,
                        retries),
                sources,
                getLog());
        ApplyRequest request = new ApplyParameters(
                        updateVersion(),
                        applyTimeout,
                        applyGracePeriod,
                        applyPollInterval,
                        applyMaxPollInterval,
                        dryRun)
                .request(updateFixId());
        return new Planned(connections.connection(url), request);
    }
}
