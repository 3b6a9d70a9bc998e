package io.github.lxca.maven;

import io.github.lxca.importer.ImportReport;
import io.github.lxca.importer.ReportEntry;
import io.github.lxca.importer.SummaryTable;
import io.github.lxca.update.InvalidUpdateSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What the build does with the result of an import: writes the report, and fails with one message
 * when an import failed. One LXCA: its failure is the build's, as {@link GoalFailure} maps it, with a hint
 * where the URL came from when the environment is at fault. Several: a summary table always, and a failure
 * naming each LXCA that failed.
 */
final class ImportOutcomeHandler {
    private final Path reportFile;
    private final String urlOrigin;
    private final Log log;
    private final GoalFailure failures;

    /** @param urlOrigin where the LXCA URL came from, for the hint on a connection failure */
    ImportOutcomeHandler(Path reportFile, String urlOrigin, Log log) {
        this.reportFile = reportFile;
        this.urlOrigin = urlOrigin;
        this.log = log;
        this.failures = new GoalFailure(log);
    }

    /** So that a run failing before it writes one (configuration, offline) never leaves an earlier run's result. */
    void removeEarlierReport() {
        try {
            Files.deleteIfExists(reportFile);
        } catch (IOException e) {
            log.warn("Cannot remove the earlier import report " + reportFile + ": " + e.getMessage());
        }
    }

    /** The sets failed the checks before any import began: the report says so for every LXCA, and so does the build. */
    void refused(List<ReportEntry> records, InvalidUpdateSetException e) throws MojoFailureException {
        writeReport(List.of(), records);
        throw new MojoFailureException(e.getMessage());
    }

    /** Writes the report of the run, then fails the build if any import failed. */
    void finish(List<String> fixIds, List<ReportEntry> records) throws MojoExecutionException, MojoFailureException {
        writeReport(fixIds, records);
        failOnErrors(records);
    }

    private void writeReport(List<String> fixIds, List<ReportEntry> records) {
        try {
            ImportReport.of(fixIds, records).write(reportFile);
            log.info("Wrote " + reportFile);
        } catch (IOException e) {
            log.warn("Cannot write the import report " + reportFile + ": " + e.getMessage());
        }
    }

    private void failOnErrors(List<ReportEntry> records) throws MojoExecutionException, MojoFailureException {
        if (records.size() > 1) {
            List<ReportEntry> failed =
                    records.stream().filter(ReportEntry::isFailure).toList();
            if (failed.isEmpty()) {
                log.info("LXCA import summary:\n" + SummaryTable.table(records));
                return;
            }
            throw new MojoFailureException("The import failed on " + failed.size() + " of " + records.size()
                    + " LXCAs:\n" + SummaryTable.table(records) + "\n"
                    + failed.stream()
                            .map(r -> "[" + r.server() + "] " + failures.describe("LXCA import failed", r.failure()))
                            .collect(Collectors.joining("\n")));
        }
        Exception failure = records.get(0).failure();
        if (failure != null) {
            failures.fail("LXCA import failed", failure, urlOrigin);
        }
    }
}
