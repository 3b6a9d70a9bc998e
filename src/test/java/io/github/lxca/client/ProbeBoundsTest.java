package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe during an apply is bounded by what is left of the caller's time, not by the read timeout: against a
 * trickling reply (one byte every 2 s) with a 10 min read timeout, a probe given 1 s ends after about 1 s. Removing a
 * probe's bound makes these tests wait for the trickle (minutes), and fail their time check. The 20 s cap itself is
 * {@code DeadlinesTest}'s (real time).
 */
@Timeout(60)
class ProbeBoundsTest {
    private static final Duration LEFT = Duration.ofSeconds(1);
    private static LxcaSimulator simulator;
    private static Path trustStore;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder().workDirectory(directory).start();
        simulator.addUser(Fault.TRICKLE_APPLY_RELOGIN.userName(), "pw", Fault.TRICKLE_APPLY_RELOGIN);
        simulator.addUser(Fault.TRICKLE_TASK_POLL.userName(), "pw", Fault.TRICKLE_TASK_POLL);
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    private static LxcaClient client(Fault fault) throws Exception {
        return LxcaClient.open(
                new ConnectionSettings(
                        simulator.url(),
                        new Credentials(fault.userName(), "pw", "test"),
                        new TrustSettings(trustStore, "changeit", null, false, null),
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        0),
                new RecordingLog());
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * probeLogin() without a time left, as the apply asks while LXCA restarts: 20 s per attempt, not the read timeout
     * (10 min here); a shorter time left wins, down to a millisecond. The trickle tests below prove the bound holds.
     */
    @Test
    void theProbeLimitIsTwentySecondsOrTheTimeLeftWhenShorter() {
        assertEquals(Duration.ofSeconds(20), LxcaSession.probeLimit(Duration.ofMinutes(10)));
        assertEquals(Duration.ofSeconds(20), LxcaSession.probeLimit(Duration.ofSeconds(20)));
        assertEquals(Duration.ofSeconds(19), LxcaSession.probeLimit(Duration.ofSeconds(19)));
        assertEquals(Duration.ofMillis(1), LxcaSession.probeLimit(Duration.ZERO));
        assertEquals(Duration.ofMillis(1), LxcaSession.probeLimit(Duration.ofSeconds(-3)));
    }

    @Test
    void aLoginProbeEndsWithinTheTimeLeft() throws Exception {
        try (LxcaClient client = client(Fault.TRICKLE_APPLY_RELOGIN)) {
            client.login(); // the import's
            client.login(); // the apply's; the next login trickles
            long start = System.nanoTime();

            Probe<Void> probe = client.probeLogin(LEFT);

            double seconds = secondsSince(start);
            assertEquals(Probe.Kind.AWAY, probe.kind(), probe.reason());
            assertTrue(probe.reason().contains("did not answer within 1 s when asked to log in"), probe.reason());
            assertTrue(seconds < 6, seconds + " s");
        }
    }

    @Test
    void aTaskProbeEndsWithinTheTimeLeft() throws Exception {
        try (LxcaClient client = client(Fault.TRICKLE_TASK_POLL)) {
            client.login();
            long start = System.nanoTime();

            Probe<Task> probe = client.probeTask("1", LEFT);

            double seconds = secondsSince(start);
            assertEquals(Probe.Kind.AWAY, probe.kind(), probe.reason());
            assertTrue(
                    probe.reason().contains("did not answer within 1 s when asked to read the state of job 1"),
                    probe.reason());
            assertTrue(seconds < 6, seconds + " s");
        }
    }
}
