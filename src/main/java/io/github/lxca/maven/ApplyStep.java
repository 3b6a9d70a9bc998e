package io.github.lxca.maven;

import io.github.lxca.apply.ApplyRecord;
import io.github.lxca.apply.ApplyReport;
import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.apply.LxcaApplyException;
import io.github.lxca.apply.UpdateApplier;
import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.LxcaCertificateException;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.Sleeper;
import io.github.lxca.importer.FailureMessage;
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
 * whatever happens, and maps a failure to the build's one message.
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
        log.debug("LXCA apply failed", e);
        String message = e instanceof LxcaApplyException ? e.describe() : FailureMessage.of(e);
        if (e instanceof LxcaConnectionException
                || e instanceof LxcaCertificateException
                || e instanceof LxcaConfigurationException) {
            throw new MojoExecutionException(message);
        }
        throw new MojoFailureException(message);
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
