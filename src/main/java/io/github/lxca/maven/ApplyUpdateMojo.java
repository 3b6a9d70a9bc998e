package io.github.lxca.maven;

import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.client.ConnectionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
public class ApplyUpdateMojo extends AbstractApplyMojo {

    /** Skip the apply only. A skipped apply deletes the apply report of an earlier run, so that CI archives no stale one. */
    @Parameter(property = LxcaProperties.SKIP_APPLY, defaultValue = "false")
    private boolean skipApply;

    @Inject
    public ApplyUpdateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        origins();
        if (skip || skipApply) {
            getLog().info("Skipping the LXCA apply: " + (skip ? LxcaProperties.SKIP : LxcaProperties.SKIP_APPLY)
                    + " is true");
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
        return applyReportFile();
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
                    "lxca:apply-update needs the URL of LXCA",
                    "set " + LxcaProperties.URL + " (-D" + LxcaProperties.URL + "=https://host)");
        }
        ConnectionBuilder connections = connections();
        ApplyRequest request = applyParameters().request(updateFixId());
        return new Planned(connections.connection(url), request);
    }
}
