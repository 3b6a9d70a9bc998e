package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which failures {@link LxcaClient}'s calls retry, and how often, through its public methods against the simulator:
 * a refused certificate and an unknown host are tried once; a refused connection and a 503 exactly {@code retries}
 * times more, with the policy's waits on a recording sleeper (nothing really waits).
 */
class RetriesThroughTheClientTest {
    private static LxcaSimulator simulator;
    private static Path trustStore;

    private final List<Duration> sleeps = new ArrayList<>();
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder().workDirectory(directory).start();
        simulator.addUser("admin", "pw");
        simulator.addUser(Fault.TASKS_UNAVAILABLE_TWICE.userName(), "pw", Fault.TASKS_UNAVAILABLE_TWICE);
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    private LxcaClient client(URI url, String user, TrustSettings trust, int retries) throws Exception {
        ConnectionSettings settings = new ConnectionSettings(
                url,
                new Credentials(user, "pw", "test"),
                trust,
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                retries);
        return LxcaClient.open(
                settings,
                log,
                new RetryPolicy(retries, Duration.ofSeconds(1), Duration.ofSeconds(30), sleeps::add, () -> 0.0));
    }

    private static TrustSettings trusted() {
        return new TrustSettings(trustStore, "changeit", null, false, null);
    }

    private long retryLines() {
        return log.lines().stream().filter(l -> l.contains("trying again")).count();
    }

    @Test
    void aRefusedCertificateIsTriedOnce() throws Exception {
        // the JVM's own trust store does not hold the simulator's self-signed certificate
        try (LxcaClient client =
                client(simulator.url(), "admin", new TrustSettings(null, null, null, false, null), 3)) {
            LxcaCertificateException e = assertThrows(LxcaCertificateException.class, client::login);

            assertTrue(
                    e.getMessage()
                            .startsWith("The TLS certificate of LXCA at localhost:"
                                    + simulator.url().getPort() + " is not trusted (SHA-256 fingerprint "),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("attempts"), e.getMessage());
        }
        assertEquals(List.of(), sleeps);
        assertEquals(0, retryLines(), log.text());
    }

    @Test
    void anUnknownHostIsTriedOnce() throws Exception {
        try (LxcaClient client = client(URI.create("https://lxca.invalid"), "admin", trusted(), 3)) {
            LxcaConnectionException e = assertThrows(LxcaConnectionException.class, client::login);

            assertEquals("Cannot resolve the LXCA host name lxca.invalid", e.getMessage());
        }
        assertEquals(List.of(), sleeps);
        assertEquals(0, retryLines(), log.text());
    }

    @Test
    void aRefusedConnectionIsRetriedExactlyRetriesTimes() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        try (LxcaClient client = client(URI.create("https://127.0.0.1:" + port), "admin", trusted(), 2)) {
            LxcaConnectionException e = assertThrows(LxcaConnectionException.class, client::login);

            assertEquals(
                    "Cannot connect to LXCA at 127.0.0.1:" + port + ": connection refused (3 attempts)",
                    e.getMessage());
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        assertEquals(2, retryLines(), log.text());
    }

    @Test
    void a503IsRetriedExactlyRetriesTimesAndNoMore() throws Exception {
        String user = Fault.TASKS_UNAVAILABLE_TWICE.userName();
        try (LxcaClient client = client(simulator.url(), user, trusted(), 1)) {
            client.login();
            LxcaRejectedException e = assertThrows(LxcaRejectedException.class, () -> client.task("1"));

            assertEquals(503, e.status());
            assertTrue(e.getMessage().startsWith("LXCA refused to read the state of job 1: HTTP 503"), e.getMessage());
        }
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
        assertEquals(
                2,
                simulator.events().stream()
                        .filter(ev -> ev.equals("task-unavailable " + user))
                        .count(),
                "the poll and one retry: " + simulator.events());
        assertTrue(
                log.lines()
                        .contains("INFO LXCA answered HTTP 503; trying again to read the state of job 1 in 1.0 s"
                                + " (retry 1 of 1)"),
                log.text());
    }
}
