package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-attempt probes an apply makes while LXCA restarts, against the simulator over HTTPS: a JSON refusal is
 * a refusal, never an answer (issue 25, item 2), a passing status is LXCA being away.
 */
class ProbesTest {
    private static final String PASSWORD = "Pr0be-Pa55";
    private static final Duration LEFT = Duration.ofSeconds(20);
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

    private LxcaClient loggedIn(Fault... faults) throws LxcaException {
        String user = "probe" + NEXT.incrementAndGet();
        simulator.addUser(user, PASSWORD, faults);
        LxcaClient client = LxcaClient.open(
                new ConnectionSettings(
                        simulator.url(),
                        new Credentials(user, PASSWORD, "the test"),
                        new TrustSettings(trustStore, "changeit", null, false, null),
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        0),
                log);
        client.login();
        return client;
    }

    @Test
    void aRefusedHistoryIsARefusalNotAnEmptyHistory() throws Exception {
        try (LxcaClient client = loggedIn(Fault.APPLY_READS_REFUSED)) {
            Probe<List<UpdateHistoryEntry>> probe = client.probeHistory(LEFT);

            assertEquals(Probe.Kind.REFUSED, probe.kind());
            assertEquals("LXCA refused to read LXCA's update history: HTTP 500", probe.reason());
            assertEquals("FQXHMUP3500M", probe.refusal().messages().get(0).id());
            assertTrue(probe.refusal().describe().contains("Restart the management server."));
        }
    }

    @Test
    void aRefusedVersionIsARefusalNotLxcaBeingAway() throws Exception {
        try (LxcaClient client = loggedIn(Fault.APPLY_READS_REFUSED)) {
            Probe<String> probe = client.probeCurrentVersion(LEFT);

            assertEquals(Probe.Kind.REFUSED, probe.kind());
            assertEquals("LXCA refused to read the version LXCA runs: HTTP 500", probe.reason());
            assertEquals(500, ((LxcaRejectedException) probe.refusal()).status());
        }
    }

    @Test
    void aTaskPollAnswered503IsAwayAnd500WithJsonIsARefusal() throws Exception {
        try (LxcaClient client = loggedIn(Fault.TASK_POLL_REFUSED)) {
            Probe<Task> first = client.probeTask("7", LEFT);
            Probe<Task> second = client.probeTask("7", LEFT);

            assertEquals(Probe.Kind.AWAY, first.kind());
            assertEquals("HTTP 503", first.reason());
            assertEquals(Probe.Kind.REFUSED, second.kind());
            assertEquals("LXCA refused to read the state of job 7: HTTP 500", second.reason());
            assertEquals("7", second.refusal().jobId().orElseThrow());
        }
    }

    @Test
    void aClosedClientForgetsItsPasswordAndItsSessionsSecrets() throws Exception {
        int before = ServerText.secretsHeld();
        LxcaClient client = loggedIn();
        assertTrue(ServerText.secretsHeld() >= before + 2, "the password and the session's secrets are masked");
        assertEquals("*** is wrong", ServerText.clean(PASSWORD + " is wrong"));

        client.close();

        assertEquals(before, ServerText.secretsHeld());
    }

    @Test
    void aWorkingLxcaAnswersEveryProbe() throws Exception {
        try (LxcaClient client = loggedIn()) {
            Probe<String> version = client.probeCurrentVersion(LEFT);
            Probe<List<UpdateHistoryEntry>> history = client.probeHistory(LEFT);

            assertEquals(Probe.answered("1.0.0"), version);
            assertTrue(history.answered());
            assertFalse(history.value().isEmpty(), "the base install is listed");
        }
    }
}
