package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.lxca.client.LxcaMessage;
import io.github.lxca.client.LxcaRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code import-report.json} and the summary table say, from the entries the coordinator makes: the overall
 * outcome, every field of an entry in its order, a failed entry's job, state and bytes, and the table's columns.
 */
class ImportReportTest {
    private static final LxcaMessage REFUSED =
            new LxcaMessage("FQXHMUP2502L", "The update is already in the repository.", "", "Delete it first.", "");

    private static ReportEntry entry(String server, ImportOutcome outcome, String jobId, long millis) {
        return new ReportEntry(
                server, "ops", outcome, jobId, null, List.of("fix"), List.of(), 0, millis, null, null, List.of(), null);
    }

    private static ImportOutcome overall(ImportOutcome... outcomes) {
        List<ReportEntry> entries = new ArrayList<>();
        for (ImportOutcome outcome : outcomes) {
            entries.add(entry("https://lxca" + entries.size(), outcome, "1", 1000));
        }
        return ImportReport.of(List.of("fix"), entries).outcome();
    }

    @Test
    void theOverallOutcomeIsFailedOnAnyFailureElseImportedOnAnyImportElseTheirCommonOne() {
        assertEquals(ImportOutcome.FAILED, overall(), "no import at all is no success");
        assertEquals(ImportOutcome.FAILED, overall(ImportOutcome.IMPORTED, ImportOutcome.FAILED));
        assertEquals(ImportOutcome.FAILED, overall(ImportOutcome.FAILED, ImportOutcome.IMPORTED));
        assertEquals(ImportOutcome.IMPORTED, overall(ImportOutcome.ALREADY_PRESENT, ImportOutcome.IMPORTED));
        assertEquals(ImportOutcome.IMPORTED, overall(ImportOutcome.IMPORTED));
        assertEquals(
                ImportOutcome.ALREADY_PRESENT, overall(ImportOutcome.ALREADY_PRESENT, ImportOutcome.ALREADY_PRESENT));
        assertEquals(ImportOutcome.DRY_RUN, overall(ImportOutcome.DRY_RUN));
    }

    @Test
    void theReportKeepsItsOwnCopiesOfTheLists() {
        List<String> fixIds = new ArrayList<>(List.of("fix"));
        List<ReportEntry> entries = new ArrayList<>(List.of(entry("https://lxca", ImportOutcome.IMPORTED, "1", 1)));
        ImportReport report = ImportReport.of(fixIds, entries);
        fixIds.add("another");
        entries.clear();

        assertEquals(List.of("fix"), report.fixIds());
        assertEquals(1, report.imports().size());
    }

    @Test
    void theReportIsWrittenWithEveryFieldInOrderAndNoEmptyOnes(@TempDir Path work) throws IOException {
        ReportEntry imported = ReportEntry.of(
                "https://lxca-a",
                "ops",
                new ImportResult(
                        ImportOutcome.IMPORTED,
                        List.of("fix"),
                        List.of("old"),
                        "7",
                        "Complete",
                        4L << 20,
                        Duration.ofSeconds(2),
                        List.of()));
        JobProgress progress = new JobProgress();
        progress.job("8");
        progress.uploaded(1024);
        progress.state("Stopped_With_Error");
        ReportEntry failed = ReportEntry.failed(
                "https://lxca-b",
                "ops",
                List.of("fix"),
                1500,
                new LxcaRejectedException("LXCA refused the upload", 409, null, List.of(REFUSED), null),
                progress);
        Path file = work.resolve("not/yet/there/import-report.json");

        ImportReport.of(List.of("fix"), List.of(imported, failed)).write(file);

        assertEquals("""
                {
                  "outcome" : "FAILED",
                  "fixIds" : [ "fix" ],
                  "imports" : [ {
                    "server" : "https://lxca-a",
                    "user" : "ops",
                    "outcome" : "IMPORTED",
                    "jobId" : "7",
                    "finalState" : "Complete",
                    "fixIds" : [ "fix" ],
                    "skipped" : [ "old" ],
                    "bytes" : 4194304,
                    "durationMillis" : 2000,
                    "throughputMiBPerSecond" : 2.0,
                    "messages" : [ ]
                  }, {
                    "server" : "https://lxca-b",
                    "user" : "ops",
                    "outcome" : "FAILED",
                    "jobId" : "8",
                    "finalState" : "Stopped_With_Error",
                    "fixIds" : [ "fix" ],
                    "skipped" : [ ],
                    "bytes" : 1024,
                    "durationMillis" : 1500,
                    "error" : "LXCA refused the upload",
                    "messages" : [ {
                      "id" : "FQXHMUP2502L",
                      "text" : "The update is already in the repository.",
                      "explanation" : "",
                      "recovery" : "Delete it first.",
                      "recoveryUrl" : ""
                    } ]
                  } ]
                }""", Files.readString(file).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFailedEntryNamesTheFailuresJobOrElseTheLastJobCreatedWithItsStateAndBytes() {
        JobProgress progress = new JobProgress();
        progress.job("3");
        progress.state("Running");
        progress.uploaded(2048);
        LxcaRejectedException withJob = new LxcaRejectedException("refused", 409, "4", List.of(REFUSED), null);
        LxcaRejectedException withoutJob = new LxcaRejectedException("refused", 409, null, List.of(), null);

        ReportEntry named = ReportEntry.failed("https://lxca", "ops", List.of("fix"), 10, withJob, progress);
        ReportEntry unnamed = ReportEntry.failed("https://lxca", "ops", List.of("fix"), 10, withoutJob, progress);
        ReportEntry bug = ReportEntry.failed(
                "https://lxca", "ops", List.of("fix"), 10, new IllegalStateException("boom"), progress);

        assertEquals("4", named.jobId(), "the job the failure names");
        assertEquals(List.of(REFUSED), named.messages());
        assertEquals("3", unnamed.jobId(), "the last job this import created");
        assertEquals("3", bug.jobId(), "also after a bug");
        assertEquals(List.of(), bug.messages());
        assertEquals("Running", named.finalState());
        assertEquals(2048, named.bytes());
        assertEquals(10, named.durationMillis());
        assertEquals(List.of(), named.skipped());
        assertNull(named.throughputMiBPerSecond());
        assertSame(withJob, named.failure());
        assertEquals("refused", named.error());
    }

    @Test
    void theSummaryTableAlignsItsColumnsToTheWidestCell() {
        String table = SummaryTable.table(List.of(
                entry("https://lxca-a.example:443", ImportOutcome.IMPORTED, "12", 1250),
                entry("https://b", ImportOutcome.FAILED, null, 61_000)));

        assertEquals(
                String.join(
                        "\n",
                        "  LXCA                        outcome   job    time",
                        "  https://lxca-a.example:443  IMPORTED   12   1.3 s",
                        "  https://b                   FAILED      -  61.0 s"),
                table.replace(System.lineSeparator(), "\n"));
    }
}
