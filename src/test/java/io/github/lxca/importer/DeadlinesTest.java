package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaFailureException;
import io.github.lxca.client.LxcaProtocolException;
import io.github.lxca.client.RetryPolicy;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.SampleUpdateSets;
import io.github.lxca.testing.TestClock;
import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every call has an overall deadline, so that a reply trickling one byte every 2 s (the simulator's {@code trickle-*}
 * users) ends at the limit the message names; and whatever ends an import, the job it created is not left behind
 * (issue 22, items 2-4). Real time: each trickle test takes its read timeout (3 s), not the reply's 8-10 min; so the
 * tests run at the same time (each has a user of its own), and the class takes its longest test. A probe's bound
 * against the same trickles is {@code ProbeBoundsTest}'s.
 */
@Execution(ExecutionMode.CONCURRENT)
class DeadlinesTest {
    private static final String PASSWORD = "Trickle-Pa55";
    /** Longer than the 2 s between two trickled bytes: only a deadline on the whole call can end such a reply. */
    private static final Duration READ = Duration.ofSeconds(3);

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static LxcaSimulator simulator;
    private static Path trustStore;

    @TempDir
    Path work;

    private final TestClock clock = new TestClock();
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void startSimulator(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder().workDirectory(directory).start();
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        simulator.close();
    }

    private static String user(Fault... faults) {
        String name = "deadline" + NEXT.incrementAndGet();
        simulator.addUser(name, PASSWORD, faults);
        return name;
    }

    private static ConnectionSettings connection(String user, Duration read, int retries) {
        return new ConnectionSettings(
                simulator.url(),
                new Credentials(user, PASSWORD, "the test"),
                new TrustSettings(trustStore, "changeit", null, false, null),
                null,
                CONNECT,
                read,
                retries);
    }

    private LxcaClient client(ConnectionSettings settings) throws LxcaConfigurationException {
        return LxcaClient.open(
                settings,
                log,
                new RetryPolicy(
                        settings.retries(), Duration.ofSeconds(1), Duration.ofSeconds(30), clock.sleeper(), () -> 0.0));
    }

    private ImportResult importAs(String user, int retries, Duration taskTimeout) throws Exception {
        Path sets = SampleUpdateSets.write(
                work.resolve("sets"), "lnvgy_sw_lxca_deadline" + NEXT.incrementAndGet() + "-1.0.0_anyos_noarch");
        UpdateImporter importer =
                new UpdateImporter((settings, clientLog) -> client(settings), clock, clock.sleeper(), log);
        ImportRequest request = new ImportRequest(
                connection(user, READ, retries), sets, Duration.ofSeconds(1), taskTimeout, OnExisting.FAIL, false);
        return importer.importSets(importer.check(sets, CheckedPayloads.NONE), request, new JobProgress());
    }

    private static long secondsSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }

    @Test
    void aTricklingLoginEndsAtTheReadTimeoutAndSaysSo() throws Exception {
        String user = user(Fault.TRICKLE_LOGIN);
        long start = System.nanoTime();
        try (LxcaClient client = client(connection(user, READ, 0))) {
            LxcaConnectionException e = assertThrows(LxcaConnectionException.class, client::login);
            assertEquals(
                    "LXCA at " + connection(user, READ, 0).host() + " did not answer within 3 s when asked to log in",
                    e.getMessage());
        }
        assertTrue(secondsSince(start) < READ.toSeconds() + 2, "ended within the read timeout");
    }

    @Test
    void aTricklingCreateJobEndsAtTheReadTimeoutWithoutASecondJob() throws Exception {
        String user = user(Fault.TRICKLE_CREATE_JOB);
        long start = System.nanoTime();
        LxcaConnectionException e =
                assertThrows(LxcaConnectionException.class, () -> importAs(user, 3, Duration.ofMinutes(1)));
        assertTrue(
                e.getMessage().endsWith("did not answer within 3 s when asked to create the import job"),
                e.getMessage());
        assertTrue(secondsSince(start) < READ.toSeconds() + 3, "ended within one call's deadline");
        assertEquals(
                1,
                simulator.events().stream()
                        .filter(event -> event.startsWith("create-job ") && event.endsWith(" " + user))
                        .count());
    }

    @Test
    void aTricklingUploadReplyEndsAtTheReadTimeoutAndTheJobIsFollowed() throws Exception {
        String user = user(Fault.TRICKLE_UPLOAD_REPLY);
        long start = System.nanoTime();
        ImportResult result = importAs(user, 3, Duration.ofMinutes(1));
        assertEquals(ImportOutcome.IMPORTED, result.outcome());
        assertTrue(log.text().contains("did not answer within 3 s when asked to upload the update files"), log.text());
        assertTrue(log.text().contains("LXCA received the files of job " + result.jobId()), log.text());
        assertTrue(secondsSince(start) < READ.toSeconds() + 4, "one upload deadline, then quick polls");
    }

    @Test
    void tricklingTaskPollsEndWithinTheTaskTimeoutPlusOnePollAndTheJobIsCancelled() throws Exception {
        String user = user(Fault.TRICKLE_TASK_POLL, Fault.TASK_NEVER_ENDS);
        long start = System.nanoTime();
        // taskTimeout 2 s on the test clock: the first poll fails at once (real 3 s), its retries wait 1 s and 1 s
        // (capped by what is left), and no retry starts once the 2 s are used up: 3 attempts, not 4.
        LxcaConnectionException e =
                assertThrows(LxcaConnectionException.class, () -> importAs(user, 3, Duration.ofSeconds(2)));
        assertTrue(
                e.getMessage()
                        .matches("LXCA at .* did not answer within 3 s when asked to read the state of job \\d+"
                                + " \\(3 attempts\\)"),
                e.getMessage());
        String jobId = e.jobId().orElseThrow();
        assertEquals("Cancelled", simulator.taskState(jobId).orElseThrow());
        assertTrue(log.text().contains("Cancelled job " + jobId + " (it was "), log.text());
        assertTrue(secondsSince(start) < 3 * READ.toSeconds() + 4, "three polls' deadlines at most");
    }

    @Test
    void anHtmlLoginPageIsNoSessionAndNothingElseIsSent() throws Exception {
        String user = user(Fault.LOGIN_HTML);
        LxcaProtocolException e =
                assertThrows(LxcaProtocolException.class, () -> importAs(user, 3, Duration.ofMinutes(1)));
        assertEquals(
                "LXCA's reply to the log-in of user '" + user + "' holds no session: HTTP 200 with a body that is not"
                        + " JSON: \"Sign in Please sign in\"; nothing else was sent",
                e.getMessage());
        assertEquals(
                List.of("login-html " + user),
                simulator.events().stream()
                        .filter(event -> event.endsWith(" " + user))
                        .toList());
    }

    @Test
    void aFileDeletedDuringTheUploadIsALocalErrorNamingIt() throws Exception {
        String user = user();
        Path sets = SampleUpdateSets.write(work.resolve("vanish"), "lnvgy_sw_lxca_vanish-1.0.0_anyos_noarch");
        UpdateImporter importer = new UpdateImporter((s, l) -> client(s), clock, clock.sleeper(), log);
        List<UpdateSet> checked = importer.check(sets, CheckedPayloads.NONE);
        List<UpdateFile> files = checked.get(0).files();
        Path last = files.get(files.size() - 1).path();
        try (LxcaClient client = client(connection(user, READ, 3))) {
            client.login();
            String jobId = client.createImportJob(files);
            LxcaFailureException e = assertThrows(
                    LxcaFailureException.class,
                    () -> client.upload(jobId, files, (sent, total) -> {
                        try {
                            Files.deleteIfExists(last);
                        } catch (java.io.IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    }));
            assertEquals(
                    last + " can no longer be read for the upload (no such file): it was deleted, moved or locked"
                            + " after it was checked",
                    e.getMessage());
            assertEquals(LxcaFailureException.Kind.UPLOAD_SOURCE_CHANGED, e.kind());
            client.cancelJob(jobId);
        }
    }

    @Test
    void aJobThatNeverEndsIsCancelledAtTheTaskTimeout() throws Exception {
        String user = user(Fault.TASK_NEVER_ENDS);
        Exception e = assertThrows(Exception.class, () -> importAs(user, 3, Duration.ofSeconds(10)));
        String jobId = ((LxcaException) e).jobId().orElseThrow();
        assertEquals("Cancelled", simulator.taskState(jobId).orElseThrow());
        assertTrue(
                log.text().contains("Cancelled job " + jobId + " (it was Running), which this build did not complete"),
                log.text());
    }

    @Test
    void theLastFailedUploadAttemptsJobIsCancelledToo() throws Exception {
        String user = user(Fault.UPLOAD_DROPPED);
        assertThrows(LxcaConnectionException.class, () -> importAs(user, 2, Duration.ofMinutes(1)));
        assertEquals(
                List.of(),
                simulator.openImportJobs().stream()
                        .filter(job -> job.endsWith(" " + user))
                        .toList());
        assertEquals(
                3,
                simulator.events().stream()
                        .filter(event -> event.startsWith("cancel ") && event.endsWith(" " + user))
                        .count());
    }
}
