package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lxca.simulator.Exchange;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session's secrets and its end, against the simulator over HTTPS: the session id and CSRF token LXCA sets with a
 * login are masked even when it says the login failed (they are known from its cookies before its verdict is read),
 * and once logged out for good (the Ctrl-C hook) no call and no login is sent, whatever the build's thread asks.
 */
class SessionSecretsAndEndTest {
    private static final String PASSWORD = "S3ss10n-Pa55";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static LxcaSimulator simulator;
    private static Path trustStore;

    @BeforeAll
    static void startSimulator(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder().workDirectory(directory).start();
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        simulator.close();
    }

    private static LxcaClient client(String user) throws LxcaException {
        return client(user, new RecordingLog());
    }

    private static LxcaClient client(String user, RecordingLog log) throws LxcaException {
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

    private static String user(Fault... faults) {
        String user = "session" + NEXT.incrementAndGet();
        simulator.addUser(user, PASSWORD, faults);
        return user;
    }

    @Test
    void theSecretsOfALoginThatSaysFailureAreMaskedUntilTheClientCloses() throws Exception {
        String user = user(Fault.LOGIN_SAYS_FAILURE);
        String id;
        String csrf;
        try (LxcaClient client = client(user)) {
            LxcaRejectedException e = assertThrows(LxcaRejectedException.class, client::login);
            assertEquals(
                    "LXCA refused to log in: HTTP 200 with result 'failure' (the reply is not shown: a login reply"
                            + " may hold session secrets)",
                    e.getMessage());
            Exchange login = simulator.exchanges().stream()
                    .filter(exchange ->
                            user.equals(exchange.user()) && exchange.path().equals("/sessions"))
                    .reduce((first, second) -> second)
                    .orElseThrow();
            JsonNode session = login.replyJson().path("response").path("session");
            id = session.path("id").asText();
            csrf = session.path("csrf").asText();
            assertEquals(36, id.length(), login.reply());
            assertEquals(csrf, login.sessionCsrf());

            assertEquals(
                    "session *** token ***", ServerText.clean("session " + id + " token " + csrf), "while it is open");
        }
        assertEquals("session " + id, ServerText.clean("session " + id), "forgotten once closed");
    }

    @Test
    void onceLoggedOutForGoodNothingMoreIsSent() throws Exception {
        String user = user();
        try (LxcaClient client = client(user)) {
            client.login();
            client.logout();
            List<String> before = simulator.events();
            assertEquals("logout " + user, before.get(before.size() - 1));

            for (Executable call : List.<Executable>of(
                    client::login,
                    client::repositoryFixIds,
                    () -> client.task("1"),
                    () -> client.task("1", () -> Duration.ofMinutes(1)))) {
                LxcaConnectionException e = assertThrows(LxcaConnectionException.class, call);
                assertTrue(e.getMessage().startsWith("Logged out of LXCA at "), e.getMessage());
                assertTrue(
                        e.getMessage().endsWith(" already (the build is being stopped); not logging in again"),
                        e.getMessage());
            }

            assertEquals(before, simulator.events(), "no request reached LXCA");
        }
    }

    @Test
    void theCtrlCHooksLogoutOnItsOwnThreadIsNeverHeldBackByTheBuildsThread() throws Exception {
        String user = user();
        ExecutorService hook = Executors.newSingleThreadExecutor(SessionSecretsAndEndTest::daemon);
        ExecutorService other = Executors.newSingleThreadExecutor(SessionSecretsAndEndTest::daemon);
        try {
            LxcaClient client = client(user);
            client.login();

            hook.submit(client::logout).get(10, TimeUnit.SECONDS);
            other.submit(client::logout).get(10, TimeUnit.SECONDS);
            other.submit(client::close).get(10, TimeUnit.SECONDS);

            assertEquals(
                    1,
                    simulator.events().stream()
                            .filter(("logout " + user)::equals)
                            .count());
        } finally {
            hook.shutdownNow();
            other.shutdownNow();
        }
    }

    @Test
    void aClosedClientLeavesNoConnectionToLxcaOpen() throws Exception {
        LxcaClient client = client(user());
        client.login();
        client.repositoryFixIds();
        assertFalse(simulator.awaitNoOpenConnection(Duration.ZERO), "its connection is kept for the next call");

        client.close();

        assertTrue(simulator.awaitNoOpenConnection(Duration.ofSeconds(5)), "closed with the client");
    }

    @Test
    void aSessionLxcaEndedIsOpenedAgainAsANewClientWouldWithoutItsOldCookie() throws Exception {
        String user = user(Fault.SESSION_EXPIRES);
        RecordingLog log = new RecordingLog();
        try (LxcaClient client = client(user, log)) {
            client.login();
            assertThrows(LxcaException.class, () -> client.task("1"), "no job 1; the session ends with this poll");

            assertEquals(Set.of(), client.repositoryFixIds());

            assertEquals(
                    List.of("login " + user, "login " + user),
                    simulator.events().stream()
                            .filter(event -> event.startsWith("login") && event.contains(user))
                            .toList(),
                    "no login-stale: neither the old session's cookie nor its CSRF token was sent");
            assertTrue(
                    log.text()
                            .contains("INFO LXCA ended the session (HTTP 401 when trying to list the updates"
                                    + " repository); logging in again"),
                    log.text());
            assertFalse(log.text().contains("WARN"), "a call LXCA accepted warns of nothing: " + log.text());
        }
    }

    @Test
    void aCallBeforeAnyLoginIsRefusedAndNoSessionIsOpenedForIt() throws Exception {
        String user = user();
        try (LxcaClient client = client(user)) {
            LxcaRejectedException e = assertThrows(LxcaRejectedException.class, client::repositoryFixIds);

            assertEquals(401, e.status());
            assertTrue(simulator.events().stream().noneMatch(("login " + user)::equals), "no login");
        }
    }

    /** A thread a lock left held cannot keep the test JVM from ending. */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "session-test");
        thread.setDaemon(true);
        return thread;
    }
}
