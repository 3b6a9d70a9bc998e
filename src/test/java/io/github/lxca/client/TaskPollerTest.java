package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lxca.testing.TestClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPollerTest {
    private final TestClock clock = new TestClock();
    private final List<String> changes = new ArrayList<>();

    private static Task task(String state, int percentage) {
        return new Task("5", "Import", state, percentage, List.of(), List.of());
    }

    /** Hands out the given tasks in turn, then repeats the last one. */
    private static TaskPoller.TaskSource sequence(Task... tasks) {
        Deque<Task> queue = new ArrayDeque<>(List.of(tasks));
        return jobId -> queue.size() > 1 ? queue.poll() : queue.peek();
    }

    private TaskPoller poller(TaskPoller.TaskSource source, Duration timeout) {
        return new TaskPoller(source, clock, clock.sleeper(), Duration.ofSeconds(5), timeout);
    }

    @Test
    void pollsUntilCompleteAndReportsOnlyChanges() throws Exception {
        Task done = task("Complete", 100);
        Task result = poller(
                        sequence(
                                task("Pending", 0),
                                task("Running", 10),
                                task("Running", 10),
                                task("Running", 60),
                                done),
                        Duration.ofHours(1))
                .awaitEnd("5", t -> changes.add(t.rawState() + " " + t.percentage()));

        assertSame(done, result);
        assertEquals(List.of("Pending 0", "Running 10", "Running 60", "Complete 100"), changes);
        assertEquals(4, clock.sleeps().size());
        clock.sleeps().forEach(sleep -> assertEquals(Duration.ofSeconds(5), sleep));
    }

    @Test
    void endIsNoticedOnTheFirstPollWithoutWaiting() throws Exception {
        poller(sequence(task("Complete", 100)), Duration.ofHours(1)).awaitEnd("5", t -> {});
        assertEquals(List.of(), clock.sleeps());
    }

    @Test
    void aFailedJobWithoutRecoveryAdvicePointsAtTheJobLogNotAtAdviceAbove() {
        LxcaTaskFailedException e = assertThrows(
                LxcaTaskFailedException.class,
                () -> poller(sequence(task("Stopped_With_Error", 100)), Duration.ofHours(1))
                        .awaitEnd("5", t -> {}));
        assertEquals(
                "LXCA gave no recovery advice; read the job's log under Monitoring > Jobs in LXCA's web console,"
                        + " fix the cause, then run again",
                e.whatToDo());
    }

    @Test
    void failedStateThrowsWithTheTaskMessages() {
        Task failed = new Task(
                "5", "Import", "Cancelled", 30, List.of(new LxcaMessage("FQX9", "stopped", "", "", "")), List.of());
        var e = assertThrows(
                LxcaTaskFailedException.class,
                () -> poller(sequence(task("Running", 10), failed), Duration.ofHours(1))
                        .awaitEnd("5", t -> {}));
        assertEquals("Import job 5 ended 'Cancelled'", e.getMessage());
        assertEquals("5", e.jobId().orElseThrow());
        assertEquals("FQX9", e.messages().get(0).id());
    }

    @Test
    void unknownStatesKeepPollingUntilTheTimeoutWhichIsNeverOvershot() {
        var e = assertThrows(
                LxcaTaskTimeoutException.class,
                () -> poller(sequence(task("Thinking", 20)), Duration.ofSeconds(12))
                        .awaitEnd("5", t -> {}));
        assertEquals("Import job 5 did not end within 12 s; its last state was 'Thinking' at 20%", e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2)), clock.sleeps());
    }

    @Test
    void errorsFromTheSourcePassThrough() {
        LxcaException broken = new LxcaConnectionException("gone", "5", List.of(), null, null);
        var e = assertThrows(
                LxcaConnectionException.class,
                () -> poller(
                                jobId -> {
                                    throw broken;
                                },
                                Duration.ofHours(1))
                        .awaitEnd("5", t -> {}));
        assertSame(broken, e);
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TaskPoller(jobId -> null, clock, clock.sleeper(), Duration.ZERO, Duration.ofSeconds(1)));
    }

    @Test
    void aTimeoutIsNamedInMinutesFromOneWholeMinute() {
        assertEquals("59 s", TaskPoller.describe(Duration.ofSeconds(59)));
        assertEquals("1 min", TaskPoller.describe(Duration.ofSeconds(60)));
        assertEquals("61 s", TaskPoller.describe(Duration.ofSeconds(61)));
        assertEquals("30 min", TaskPoller.describe(Duration.ofMinutes(30)));
        assertEquals("0 s", TaskPoller.describe(Duration.ZERO));
    }
}
