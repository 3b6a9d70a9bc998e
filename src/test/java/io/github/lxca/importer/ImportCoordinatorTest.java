package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaRejectedException;
import io.github.lxca.client.RetryPolicy;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.SampleUpdateSets;
import io.github.lxca.testing.TestClock;
import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.UpdateSet;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sets into two LXCAs at once, one of which refuses them; and the report of it. */
class ImportCoordinatorTest {
    @TempDir
    Path work;

    private final TestClock clock = new TestClock();
    private final RecordingLog log = new RecordingLog();

    @Test
    void importsIntoEveryLxcaWaitsForAllAndReportsEach() throws Exception {
        try (LxcaSimulator good =
                        LxcaSimulator.builder().workDirectory(work.resolve("a")).start();
                LxcaSimulator bad =
                        LxcaSimulator.builder().workDirectory(work.resolve("b")).start()) {
            good.addUser("ops", "pw");
            bad.addUser("ops", "pw", Fault.UPLOAD_409);
            String fixId = "lnvgy_sw_lxca_multi-1.0.0_anyos_noarch";
            SampleUpdateSets.write(work.resolve("sets"), fixId);
            List<ImportRequest> requests = List.of(request(good, "good"), request(bad, "bad"));
            ImportCoordinator coordinator = coordinator();

            List<ReportEntry> records =
                    coordinator.run(coordinator.check(requests.get(0), CheckedPayloads.NONE), requests, 2);

            assertEquals(ImportOutcome.IMPORTED, records.get(0).outcome());
            assertEquals(good.url().toString(), records.get(0).server());
            assertTrue(good.repository().containsKey(fixId));
            assertEquals(ImportOutcome.FAILED, records.get(1).outcome());
            assertInstanceOf(LxcaRejectedException.class, records.get(1).failure());
            assertEquals("FQXHMUP2502L", records.get(1).messages().get(0).id());
            assertTrue(records.get(1).jobId() != null);
            String goodHost = "[" + good.url().getHost() + ":" + good.url().getPort() + "] ";
            String badHost = "[" + bad.url().getHost() + ":" + bad.url().getPort() + "] ";
            assertTrue(
                    log.lines().stream()
                            .anyMatch(line -> line.startsWith("INFO " + goodHost + "Imported " + fixId + ": job "
                                    + records.get(0).jobId() + " Complete in ")),
                    log.text());
            assertTrue(
                    log.lines().stream().anyMatch(line -> line.startsWith("INFO " + badHost + "Created import job")),
                    log.text());

            String table = SummaryTable.table(records);
            assertTrue(
                    table.matches("(?s)  LXCA +outcome +job +time\\n  "
                            + java.util.regex.Pattern.quote(good.url().toString())
                            + " +IMPORTED +\\d+ +\\d+\\.\\d s\\n  "
                            + java.util.regex.Pattern.quote(bad.url().toString())
                            + " +FAILED +\\d+ +\\d+\\.\\d s"),
                    table);

            Path reportFile = work.resolve("target/lxca/import-report.json");
            ImportReport.of(List.of(fixId), records).write(reportFile);
            JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
            assertEquals("FAILED", report.path("outcome").asText());
            assertEquals(fixId, report.path("fixIds").get(0).asText());
            JsonNode first = report.path("imports").get(0);
            assertEquals("IMPORTED", first.path("outcome").asText());
            assertEquals("Complete", first.path("finalState").asText());
            assertEquals(records.get(0).jobId(), first.path("jobId").asText());
            assertTrue(first.path("bytes").asLong() > 4000);
            assertTrue(first.path("durationMillis").asLong() > 0);
            assertTrue(first.path("throughputMiBPerSecond").asDouble() > 0);
            assertTrue(first.path("error").isMissingNode());
            JsonNode second = report.path("imports").get(1);
            assertEquals("FAILED", second.path("outcome").asText());
            assertTrue(second.path("error").asText().startsWith("LXCA refused to upload the update files"));
            assertEquals(
                    "FQXHMUP2502L", second.path("messages").get(0).path("id").asText());
            assertNull(second.get("failure"), "the exception itself is not serialized");
        }
    }

    @Test
    void aFailedJobsEntryHasItsJobItsLastStateAndTheBytesUploaded() throws Exception {
        try (LxcaSimulator simulator =
                LxcaSimulator.builder().workDirectory(work.resolve("a")).start()) {
            simulator.addUser("ops", "pw", Fault.TASK_FAILS);
            SampleUpdateSets.write(work.resolve("sets"), "lnvgy_sw_lxca_fails-1.0.0_anyos_noarch");
            ImportRequest request = request(simulator, "only");
            ImportCoordinator coordinator = coordinator();
            List<UpdateSet> sets = coordinator.check(request, CheckedPayloads.NONE);

            ReportEntry entry = coordinator.run(sets, List.of(request), 1).get(0);

            assertEquals(ImportOutcome.FAILED, entry.outcome());
            assertEquals(simulator.taskState(entry.jobId()).orElseThrow(), entry.finalState());
            assertEquals("Stopped_With_Error", entry.finalState());
            assertEquals(sets.get(0).totalSize(), entry.bytes(), "the whole set was uploaded before the job failed");
            assertTrue(
                    entry.error().startsWith("Import job " + entry.jobId() + " ended 'Stopped_With_Error'"),
                    entry.error());
            assertEquals("FQXHMUP4001L", entry.messages().get(0).id());
        }
    }

    @Test
    void aBugIsNamedAsOneInTheReport() {
        ReportEntry entry =
                ReportEntry.failed("https://lxca", "ops", List.of(), 5, new NullPointerException(), new JobProgress());
        assertEquals(
                "The import stopped on an unexpected java.lang.NullPointerException: " + FailureMessage.BUG,
                entry.error());
    }

    private ImportCoordinator coordinator() {
        return new ImportCoordinator(
                importLog -> new UpdateImporter(
                        (settings, clientLog) -> LxcaClient.open(
                                settings,
                                clientLog,
                                new RetryPolicy(
                                        0, Duration.ofSeconds(1), Duration.ofSeconds(1), clock.sleeper(), () -> 0.0)),
                        clock,
                        clock.sleeper(),
                        importLog),
                log,
                clock);
    }

    private ImportRequest request(LxcaSimulator simulator, String name) throws Exception {
        Path trust = simulator.writeTrustStore(work.resolve(name + ".p12"));
        ConnectionSettings connection = new ConnectionSettings(
                URI.create(simulator.url().toString()),
                new Credentials("ops", "pw", "the test"),
                new TrustSettings(trust, "changeit", null, false, null),
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                0);
        return new ImportRequest(
                connection, work.resolve("sets"), Duration.ofSeconds(5), Duration.ofMinutes(1), OnExisting.FAIL, false);
    }
}
