package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lxca.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.Test;

/** The waits between retries: the policy's backoff, or what a reply's Retry-After asks when that is longer. */
class RetryLoopTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private final RecordingLog log = new RecordingLog();
    private final RetryLoop loop = new RetryLoop(
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), sleeps::add, () -> 0.0), log, null);

    private static Reply reply(int status, Duration retryAfter) {
        return new Reply(status, "{}".getBytes(StandardCharsets.UTF_8), false, retryAfter, new ObjectMapper());
    }

    private Reply exchange(Reply... replies) throws LxcaException {
        Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
        Call call = new Call(
                "read the state of job 7", "7", Call.Retry.SAFE, Call.Session.NONE, () -> new HttpGet("/tasks/7"));
        return loop.exchange(call, sent -> queue.removeFirst(), () -> false, () -> {});
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedFor() throws Exception {
        assertEquals(
                200,
                exchange(reply(503, Duration.ofSeconds(20)), reply(200, null)).status());

        assertEquals(List.of(Duration.ofSeconds(20)), sleeps);
        assertTrue(
                log.text()
                        .contains("INFO LXCA answered HTTP 503; trying again to read the state of job 7 in 20.0 s"
                                + " (retry 1 of 3, as its Retry-After asks)"),
                log.text());
    }

    @Test
    void aShorterOneLeavesTheBackoff() throws Exception {
        exchange(reply(503, Duration.ZERO), reply(502, Duration.ofSeconds(1)), reply(200, null));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        assertTrue(log.text().contains("in 1.0 s (retry 1 of 3)\n"), log.text());
    }

    @Test
    void aVeryLongOneIsCutToFiveMinutes() throws Exception {
        exchange(reply(503, Duration.ofHours(2)), reply(200, null));

        assertEquals(List.of(RetryLoop.MAX_RETRY_AFTER), sleeps);
        assertEquals(Duration.ofMinutes(5), RetryLoop.MAX_RETRY_AFTER);
    }

    @Test
    void withoutOneTheBackoffApplies() throws Exception {
        exchange(reply(504, null), reply(200, null));

        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void aRetryAfterEqualToTheBackoffIsTheBackoff() throws Exception {
        exchange(reply(503, Duration.ofSeconds(1)), reply(200, null));

        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
        assertTrue(log.text().endsWith("in 1.0 s (retry 1 of 3)"), log.text());
    }

    @Test
    void loggingInAgainIsNotOneOfTheRetries() throws Exception {
        Deque<Reply> queue = new ArrayDeque<>(
                List.of(reply(401, null), reply(503, null), reply(503, null), reply(503, null), reply(200, null)));
        AtomicInteger logins = new AtomicInteger();
        Call call = new Call(
                "read the state of job 7",
                "7",
                Call.Retry.SAFE,
                Call.Session.RENEW_ON_401,
                () -> new HttpGet("/tasks/7"));

        Reply answer = loop.exchange(call, sent -> queue.removeFirst(), () -> true, logins::incrementAndGet);

        assertEquals(200, answer.status());
        assertEquals(1, logins.get());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
        assertTrue(log.text().contains("(retry 3 of 3)"), log.text());
    }

    @Test
    void noRetryStartsOnceTheTimeIsUsedUp() throws Exception {
        for (Duration left : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
            Deque<Reply> queue = new ArrayDeque<>(List.of(reply(503, null), reply(200, null)));
            Call call = new Call(
                    "read the state of job 7", "7", Call.Retry.SAFE, Call.Session.NONE, () -> new HttpGet("/tasks/7"));

            Reply answer = loop.exchange(call, sent -> queue.removeFirst(), () -> false, () -> {}, () -> left);

            assertEquals(503, answer.status(), "with " + left + " left");
        }
        assertEquals(List.of(), sleeps);
        assertEquals("", log.text());
    }

    @Test
    void aWaitIsNeverLongerThanTheTimeLeft() throws Exception {
        Deque<Reply> queue = new ArrayDeque<>(List.of(reply(503, Duration.ofSeconds(20)), reply(200, null)));
        Call call = new Call(
                "read the state of job 7", "7", Call.Retry.SAFE, Call.Session.NONE, () -> new HttpGet("/tasks/7"));

        loop.exchange(call, sent -> queue.removeFirst(), () -> false, () -> {}, () -> Duration.ofSeconds(3));

        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() {
        RetryLoop interrupted = new RetryLoop(
                new RetryPolicy(
                        3,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        delay -> {
                            throw new InterruptedException("stopped");
                        },
                        () -> 0.0),
                log,
                null);
        Call call = new Call(
                "read the state of job 7", "7", Call.Retry.SAFE, Call.Session.NONE, () -> new HttpGet("/tasks/7"));
        try {
            LxcaConnectionException e = assertThrows(
                    LxcaConnectionException.class,
                    () -> interrupted.exchange(call, sent -> reply(503, null), () -> false, () -> {}));

            assertEquals("Interrupted while waiting to read the state of job 7", e.getMessage());
            assertEquals(Optional.of("7"), e.jobId());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
