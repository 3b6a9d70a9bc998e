package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task poll and the logout each wait no longer than their own bound, not the read timeout: against a trickling reply
 * (one byte every 2 s, for minutes) with a 10 min read timeout, each ends after its bound, set here to 1 s (60 s and
 * 10 s by default). Removing a bound makes the call wait for the trickle (10 min), which fails the test at its
 * {@link Timeout}, kept on a thread of its own so that it fails there rather than when the trickle ends.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogoutAndPollBoundsTest {
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static LxcaSimulator simulator;
    private static Path trustStore;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder().workDirectory(directory).start();
        simulator.addUser(Fault.TRICKLE_TASK_POLL.userName(), "pw", Fault.TRICKLE_TASK_POLL);
        simulator.addUser(Fault.TRICKLE_LOGOUT.userName(), "pw", Fault.TRICKLE_LOGOUT);
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    private static LxcaClient client(Fault fault, Duration poll, Duration logout) throws Exception {
        return LxcaClient.open(
                new ConnectionSettings(
                        simulator.url(),
                        new Credentials(fault.userName(), "pw", "test"),
                        new TrustSettings(trustStore, "changeit", null, false, null),
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        0),
                new RecordingLog(),
                poll,
                logout);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Test
    void aTaskPollEndsAtItsBound() throws Exception {
        try (LxcaClient client = client(Fault.TRICKLE_TASK_POLL, BOUND, LxcaSession.LOGOUT_TIMEOUT)) {
            client.login();
            long start = System.nanoTime();

            LxcaConnectionException e = assertThrows(LxcaConnectionException.class, () -> client.task("1"));

            double seconds = secondsSince(start);
            assertEquals(
                    "LXCA at " + simulator.url().getHost() + ":"
                            + simulator.url().getPort()
                            + " did not answer within 1 s when asked to read the state of job 1",
                    e.getMessage());
            assertEquals(Optional.of("1"), e.jobId());
            assertTrue(seconds < 6, seconds + " s");
        }
    }

    @Test
    void theLogoutEndsAtItsBound() throws Exception {
        String user = Fault.TRICKLE_LOGOUT.userName();
        try (LxcaClient client = client(Fault.TRICKLE_LOGOUT, ImportCalls.POLL_TIMEOUT, BOUND)) {
            client.login();
            assertFalse(
                    simulator.events().contains("logout " + user),
                    simulator.events().toString());
            long start = System.nanoTime();

            client.logout();

            double seconds = secondsSince(start);
            assertTrue(
                    simulator.events().contains("logout " + user),
                    simulator.events().toString());
            assertTrue(seconds < 6, seconds + " s");
        }
    }
}
