package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.SampleUpdateSets;
import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.UpdateFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ctrl-C hook logs out on its own thread while the build's thread still uses the client (issue 25, item 4):
 * against the simulator over HTTPS, both at once, the session is ended once and neither thread throws.
 */
class InterruptionGuardTest {
    private static final String PASSWORD = "Ctrl-C-Pa55";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static LxcaSimulator simulator;
    private static Path trustStore;

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
        String name = "stopped" + NEXT.incrementAndGet();
        simulator.addUser(name, PASSWORD, faults);
        return name;
    }

    private LxcaClient client(String user) throws LxcaException {
        return LxcaClient.open(
                new ConnectionSettings(
                        simulator.url(),
                        new Credentials(user, PASSWORD, "the test"),
                        new TrustSettings(trustStore, "changeit", null, false, null),
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        0),
                log);
    }

    private static List<String> eventsOf(String user) {
        return simulator.events().stream().filter(e -> e.endsWith(" " + user)).toList();
    }

    @Test
    @Timeout(60)
    void theHookAndTheBuildsCloseAtOnceLogOutOnceWithoutAnException() throws Exception {
        // logging out is answered after 3 s, so that the second logout surely comes while the first is under way
        String user = user(Fault.LOGOUT_HANGS);
        LxcaClient client = client(user);
        client.login();
        InterruptionGuard guard = InterruptionGuard.install(client, log);
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        Thread hook = guard.hook();
        hook.setUncaughtExceptionHandler((thread, e) -> thrown.add(e));
        try {
            hook.start(); // as the JVM starts it on Ctrl-C ...
            client.close(); // ... while the build's thread ends its import and closes the client
            hook.join(30_000);
        } finally {
            guard.close();
        }

        assertEquals(List.of(), thrown, "the hook threw nothing");
        assertEquals(
                1,
                eventsOf(user).stream().filter(e -> e.startsWith("logout ")).count(),
                "one logout: " + eventsOf(user));
        assertEquals(0, simulator.openSessions(), "no session left open");
        assertTrue(log.text().contains("WARN Stopped while importing into LXCA; logging out."), log.text());
    }

    @Test
    @Timeout(60)
    void afterTheHookLoggedOutTheBuildsThreadOpensNoNewSession() throws Exception {
        String user = user();
        try (LxcaClient client = client(user);
                InterruptionGuard guard = InterruptionGuard.install(client, log)) {
            client.login();
            guard.state("1", "uploaded; LXCA goes on importing it");
            Thread hook = guard.hook();
            hook.start();
            hook.join(30_000);

            // the build's thread goes on: its next call finds the session ended and must not log in again
            var e = assertThrows(LxcaConnectionException.class, () -> client.task("1"));

            assertEquals(
                    "Logged out of LXCA at " + simulator.url().getHost() + ":"
                            + simulator.url().getPort()
                            + " already (the build is being stopped); not logging in again",
                    e.getMessage());
            assertTrue(e.describe().contains("What to do: nothing: the build was stopped"), e.describe());
        }
        assertEquals(
                List.of("login " + user, "logout " + user),
                eventsOf(user).stream()
                        .filter(e -> e.startsWith("login") || e.startsWith("logout"))
                        .toList(),
                "one session, ended once, none opened after it");
        assertTrue(
                log.text().contains("Could not cancel import job 1")
                        || log.text().contains("Cancelled import job 1"),
                log.text());
    }

    /** The log's lines but the HTTP exchanges' DEBUG lines. */
    private List<String> withoutDebug() {
        return log.lines().stream().filter(line -> !line.startsWith("DEBUG ")).toList();
    }

    /** Runs the hook as the JVM would on Ctrl-C, on its own thread, and waits for it. */
    private static void stop(InterruptionGuard guard) throws InterruptedException {
        Thread hook = guard.hook();
        hook.start();
        hook.join(30_000);
        assertFalse(hook.isAlive(), "the hook ended");
    }

    /** A job of this user's, created as the import creates it, with its upload not begun. */
    private String createJob(LxcaClient client, Path work) throws Exception {
        Path sets = SampleUpdateSets.write(
                work.resolve("sets"), "lnvgy_sw_lxca_stopped" + NEXT.incrementAndGet() + "-1.0.0_anyos_noarch");
        UpdateImporter importer = UpdateImporter.standard(log);
        List<UpdateFile> files =
                importer.check(sets, CheckedPayloads.NONE).get(0).files();
        return client.createImportJob(files);
    }

    @Test
    @Timeout(60)
    void stoppedBeforeAnyJobSaysSoCancelsNothingAndLogsOut() throws Exception {
        String user = user();
        try (LxcaClient client = client(user);
                InterruptionGuard guard = InterruptionGuard.install(client, log)) {
            client.login();
            stop(guard);
            assertEquals(List.of("login " + user, "logout " + user), eventsOf(user), "the hook logged out");
        }
        assertEquals(
                List.of("WARN Stopped while importing into LXCA; logging out. No import job was created."),
                withoutDebug());
        assertEquals(List.of("login " + user, "logout " + user), eventsOf(user), "once");
    }

    @Test
    @Timeout(60)
    void stoppedWithAJobPendingNamesItsStateAndCancelsIt(@TempDir Path work) throws Exception {
        String user = user();
        String jobId;
        try (LxcaClient client = client(user);
                InterruptionGuard guard = InterruptionGuard.install(client, log)) {
            client.login();
            jobId = createJob(client, work);
            guard.state(jobId, "created, with its upload unfinished");
            stop(guard);
        }
        assertEquals(
                List.of(
                        "WARN Stopped while importing into LXCA; logging out. Import job " + jobId
                                + " was left created, with its upload unfinished; see Monitoring > Jobs in LXCA.",
                        "WARN Cancelled import job " + jobId + ", which this build created and did not complete"),
                withoutDebug());
        assertEquals("Cancelled", simulator.taskState(jobId).orElseThrow());
        assertEquals(
                List.of("cancel " + jobId + " " + user, "logout " + user),
                eventsOf(user).subList(eventsOf(user).size() - 2, eventsOf(user).size()),
                "cancelled, then logged out");
    }

    @Test
    @Timeout(60)
    void aJobTheHookCannotCancelIsNamedWithWhatToDo(@TempDir Path work) throws Exception {
        String user = user(Fault.CANCEL_FAILS);
        String jobId = null;
        try (LxcaClient client = client(user);
                InterruptionGuard guard = InterruptionGuard.install(client, log)) {
            client.login();
            jobId = createJob(client, work);
            guard.state(jobId, "uploaded; LXCA goes on importing it");
            stop(guard);
        } finally {
            if (jobId != null) {
                simulator.cancelAsItsCreator(jobId);
            }
        }
        assertEquals(
                List.of(
                        "WARN Stopped while importing into LXCA; logging out. Import job " + jobId
                                + " was left uploaded; LXCA goes on importing it; see Monitoring > Jobs in LXCA.",
                        "WARN Could not cancel import job " + jobId + " (the session may have ended); cancel it in"
                                + " LXCA (Monitoring > Jobs) if it is still running"),
                withoutDebug());
        List<String> events = eventsOf(user);
        assertTrue(
                events.indexOf("cancel-failed " + user) >= 0
                        && events.indexOf("logout " + user) > events.indexOf("cancel-failed " + user),
                "logged out all the same after the refused cancel: " + events);
    }

    @Test
    @Timeout(60)
    void aJobThatEndedIsNoLongerPendingAndIsNotCancelled(@TempDir Path work) throws Exception {
        String user = user();
        String jobId;
        try (LxcaClient client = client(user);
                InterruptionGuard guard = InterruptionGuard.install(client, log)) {
            client.login();
            jobId = createJob(client, work);
            guard.state(jobId, "uploaded; LXCA goes on importing it");
            guard.state(jobId, null); // the job ended: nothing is pending any more
            stop(guard);
        }
        assertEquals(
                List.of("WARN Stopped while importing into LXCA; logging out. No import job was created."),
                withoutDebug());
        assertFalse(
                eventsOf(user).stream().anyMatch(e -> e.startsWith("cancel")),
                eventsOf(user).toString());
        simulator.cancelAsItsCreator(jobId); // left created by this test, not by the guard
    }

    @Test
    void theHookIsRegisteredWhileTheGuardIsOpenAndRemovedWhenItCloses() throws Exception {
        try (LxcaClient client = client(user())) {
            InterruptionGuard open = InterruptionGuard.install(client, log);
            assertTrue(Runtime.getRuntime().removeShutdownHook(open.hook()), "installed as a shutdown hook");
            open.close(); // nothing left to remove: no exception

            InterruptionGuard closed = InterruptionGuard.install(client, log);
            closed.close();
            assertFalse(Runtime.getRuntime().removeShutdownHook(closed.hook()), "closing removed the hook");
        }
        assertEquals(List.of(), withoutDebug(), "neither hook ran");
    }
}
