package io.github.lxca.maven;

import io.github.lxca.apply.ApplyRecord;
import io.github.lxca.apply.ApplyReport;
import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.apply.LxcaApplyException;
import io.github.lxca.apply.UpdateApplier;
import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.Sleeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Applies updates to LXCAs one at a time (the appliance restarts for each), writes {@code apply-report.json}
 * whatever happens, and ends the build with a failure as {@link GoalFailure} maps it.
 */
final class ApplyStep {
    private final Path reportFile;
    private final Log log;
    private final List<ApplyRecord> records = new ArrayList<>();

    ApplyStep(Path reportFile, Log log) {
        this.reportFile = reportFile;
        this.log = log;
    }

    void apply(ConnectionSettings connection, ApplyRequest request)
            throws MojoExecutionException, MojoFailureException {
        String server = connection.baseUri().toString();
        MavenImportLog lxcaLog = new MavenImportLog(log);
        try (LxcaClient client = LxcaClient.open(connection, lxcaLog)) {
            client.login();
            records.add(new UpdateApplier(Clock.systemUTC(), Sleeper.REAL, lxcaLog).apply(client, server, request));
        } catch (LxcaApplyException e) {
            records.add(e.record());
            fail(e);
        } catch (LxcaException e) {
            records.add(new ApplyRecord(
                    server,
                    request.fixId(),
                    io.github.lxca.apply.ApplyOutcome.REFUSED,
                    e.jobId().orElse(null),
                    List.of(),
                    0,
                    null,
                    null,
                    request.updateVersion(),
                    null,
                    e.getMessage()));
            fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(
                    "The apply of " + request.fixId() + " was interrupted\nWhat to do: LXCA may be"
                            + " installing it: check its web console before running again; never apply twice at once");
        } finally {
            writeReport();
        }
    }

    private void fail(LxcaException e) throws MojoExecutionException, MojoFailureException {
        new GoalFailure(log).fail("LXCA apply failed", e, null);
    }

    private void writeReport() {
        try {
            ApplyReport.of(records).write(reportFile);
            log.info("Wrote " + reportFile);
        } catch (IOException e) {
            log.warn("Cannot write the apply report " + reportFile + ": " + e.getMessage());
        }
    }
}
