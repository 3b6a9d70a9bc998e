package io.github.lxca.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.LxcaMessage;
import io.github.lxca.client.Probe;
import io.github.lxca.client.Task;
import io.github.lxca.client.UpdateHistoryEntry;
import io.github.lxca.testing.TestClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyFollowerTest {
    private static final String FIX = "lnvgy_sw_lxca_demo-2.0.0_anyos_noarch";
    private static final ApplyTiming TIMING = new ApplyTiming(
            Duration.ofMinutes(60), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(40));
    private final TestClock clock = new TestClock();
    private final java.time.Instant START = clock.instant();
    private final List<String> lines = new ArrayList<>();

    /** A scripted LXCA: each call takes the next answer of its kind, then repeats the last one. */
    private static class Script implements ApplyFollower.Appliance {
        final Deque<Probe<Task>> tasks = new ArrayDeque<>();
        final Deque<Probe<String>> versions = new ArrayDeque<>();
        final Deque<Probe<List<UpdateHistoryEntry>>> histories = new ArrayDeque<>(List.of(Probe.answered(List.of())));
        final Deque<Probe<Void>> logins = new ArrayDeque<>(List.of(Probe.answered(null)));
        int loginCalls;

        private static <T> T next(Deque<T> queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }

        @Override
        public Probe<Void> login(Duration left) {
            loginCalls++;
            return next(logins);
        }

        @Override
        public Probe<Task> task(String jobId, Duration left) {
            return next(tasks);
        }

        @Override
        public Probe<String> currentVersion(Duration left) {
            return next(versions);
        }

        @Override
        public Probe<List<UpdateHistoryEntry>> history(Duration left) {
            return next(histories);
        }
    }

    private static Probe<Task> task(String state, int percentage) {
        return Probe.answered(new Task(
                "7",
                "Apply",
                state,
                percentage,
                state.contains("Error")
                        ? List.of(
                                new LxcaMessage("FQXHMUP4100J", "The update could not be installed.", "", "Retry.", ""))
                        : List.of(),
                List.of()));
    }

    private ApplyRecord start() {
        return new ApplyRecord("lxca", FIX, null, "7", List.of(), 0, "1.0.0", null, "2.0.0", null, null);
    }

    private ApplyFollower follower(Script script, ApplyTiming timing) {
        return new ApplyFollower(script, clock, clock.sleeper(), timing, lines::add);
    }

    @Test
    void ridesOutARestartLogsInAgainAndProvesTheNewVersion() throws Exception {
        Script lxca = new Script();
        lxca.tasks.addAll(List.of(
                task("Running", 10),
                task("Running", 10),
                task("Running", 50),
                Probe.away("Cannot connect: connection refused"),
                Probe.away("Cannot connect: connection refused"),
                Probe.away("HTTP 503"),
                Probe.sessionGone("HTTP 401"),
                Probe.notFound("HTTP 404")));
        lxca.versions.add(Probe.answered("2.0.0"));

        ApplyRecord done = follower(lxca, TIMING).follow(start(), "7");

        assertEquals(ApplyOutcome.APPLIED, done.outcome());
        assertEquals("currentVersion", done.proof());
        assertEquals("2.0.0", done.versionAfter());
        assertEquals(1, lxca.loginCalls);
        assertEquals(
                List.of("Running", "unreachable", "session ended", "back", "job forgotten", "applied"),
                done.statesSeen());
        assertEquals(
                List.of(
                        "apply job 7: Running 10%",
                        "apply job 7: Running 50%",
                        "LXCA is restarting or unreachable (Cannot connect: connection refused)",
                        "LXCA is restarting or unreachable (HTTP 503)",
                        "LXCA ended the session (HTTP 401); logging in again",
                        "LXCA answers again after 110 s",
                        "logged in to LXCA again",
                        "LXCA no longer knows apply job 7 (it restarted); checking its version",
                        "LXCA runs version 2.0.0",
                        "LXCA runs " + FIX + " (version 2.0.0)"),
                lines,
                "one line per change, none per retry");
        assertEquals(110, done.unreachableSeconds(), "10 + 20 + 40 + 40 s of backed-off polls");
    }

    private static final Duration PROBE_LIMIT = Duration.ofSeconds(20);

    /**
     * An LXCA that answers its version slowly (19 s, within a whole probe's limit) and lets every other probe run
     * into its limit, as a reply trickling a byte every few seconds does; each probe's limit is the client's: what
     * the follower leaves it, capped at 20 s.
     */
    private final class Slow extends Script {
        final List<Duration> given = new ArrayList<>();

        private Duration take(Duration left, Duration answersAfter) {
            given.add(left);
            Duration limit = left.compareTo(PROBE_LIMIT) < 0 ? left : PROBE_LIMIT;
            Duration spent = answersAfter.compareTo(limit) < 0 ? answersAfter : limit;
            clock.advance(spent);
            return answersAfter.compareTo(limit) < 0 ? null : limit;
        }

        @Override
        public Probe<String> currentVersion(Duration left) {
            Duration timedOut = take(left, Duration.ofSeconds(19));
            return timedOut == null
                    ? Probe.answered("1.0.0")
                    : Probe.away("LXCA did not answer within " + timedOut.toSeconds() + " s");
        }

        @Override
        public Probe<List<UpdateHistoryEntry>> history(Duration left) {
            return Probe.away("LXCA did not answer within "
                    + take(left, Duration.ofDays(1)).toSeconds() + " s");
        }

        @Override
        public Probe<Void> login(Duration left) {
            loginCalls++;
            return Probe.away("LXCA did not answer within "
                    + take(left, Duration.ofDays(1)).toSeconds() + " s");
        }

        @Override
        public Probe<Task> task(String jobId, Duration left) {
            take(left, Duration.ZERO);
            return Probe.sessionGone("HTTP 401");
        }
    }

    @Test
    void slowProbesEndTheFollowWithinTheTimeoutNotTwoProbesPastIt() throws Exception {
        Slow lxca = new Slow();
        ApplyTiming timing = new ApplyTiming(
                Duration.ofSeconds(100), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(40));

        LxcaApplyException e = assertThrows(
                LxcaApplyException.class, () -> follower(lxca, timing).follow(start(), null));

        Duration took = Duration.between(START, clock.instant());
        assertTrue(
                took.compareTo(timing.timeout().plus(PROBE_LIMIT)) <= 0,
                "applyTimeout plus at most one short probe, not two (version and history): " + took);
        assertEquals(timing.timeout(), took, "each probe gets what is left of the apply's time");
        assertEquals(ApplyOutcome.NEVER_CAME_BACK, e.outcome());
        assertTrue(e.getMessage().startsWith("LXCA did not come back within 100 s of applying " + FIX), e.getMessage());
        Duration left = timing.timeout();
        for (Duration given : lxca.given) {
            assertTrue(
                    given.compareTo(left) <= 0 && !given.isNegative() && !given.isZero(),
                    "given " + given + " of " + lxca.given);
            left = given;
        }
    }

    @Test
    void aLoginThatHangsDuringTheRestartEndsWithinTheTimeout() throws Exception {
        Slow lxca = new Slow();
        ApplyTiming timing = new ApplyTiming(
                Duration.ofSeconds(90), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(40));

        LxcaApplyException e = assertThrows(
                LxcaApplyException.class, () -> follower(lxca, timing).follow(start(), "7"));

        assertEquals(timing.timeout(), Duration.between(START, clock.instant()));
        assertTrue(lxca.loginCalls >= 2, "logged in again after each away: " + lxca.loginCalls);
        assertTrue(
                e.getMessage()
                        .startsWith("LXCA did not come back within 90 s of applying " + FIX
                                + ": unreachable for the last 90 s (LXCA did not answer within "),
                e.getMessage());
    }

    @Test
    void backsOffWhileLxcaIsAwayAndPollsQuicklyOnceItAnswers() throws Exception {
        Script lxca = new Script();
        lxca.tasks.addAll(List.of(
                task("Running", 10),
                Probe.away("refused"),
                Probe.away("refused"),
                Probe.away("refused"),
                Probe.away("refused"),
                task("Running", 90),
                task("Complete", 100)));
        lxca.versions.add(Probe.answered("2.0.0"));

        follower(lxca, TIMING).follow(start(), "7");

        assertEquals(
                List.of(5L, 10L, 20L, 40L, 40L, 5L, 5L),
                clock.sleeps().stream().map(Duration::toSeconds).toList());
    }

    @Test
    void aFailedJobFailsWithLxcaWordsAndTheJob() {
        Script lxca = new Script();
        lxca.tasks.addAll(List.of(task("Running", 10), task("Stopped_With_Error", 100)));

        LxcaApplyException e = assertThrows(
                LxcaApplyException.class, () -> follower(lxca, TIMING).follow(start(), "7"));

        assertEquals(ApplyOutcome.JOB_FAILED, e.outcome());
        assertTrue(e.describe().startsWith("The apply job 7 of " + FIX + " ended 'Stopped_With_Error'"), e.describe());
        assertTrue(e.describe().contains("FQXHMUP4100J"), e.describe());
        assertTrue(e.describe().contains("What to do: follow LXCA's recovery advice"), e.describe());
        assertEquals("7", e.record().jobId());
    }

    @Test
    void anInstallationFailedDateInTheHistoryFailsEvenAfterARestart() {
        Script lxca = new Script();
        lxca.tasks.addAll(List.of(task("Running", 10), Probe.away("refused"), Probe.notFound("HTTP 404")));
        lxca.versions.add(Probe.answered("1.0.0"));
        lxca.histories.clear();
        lxca.histories.add(Probe.answered(List.of(new UpdateHistoryEntry(
                FIX, null, "2026-12-03T07:00:00Z", List.of("Failed: the database migration did not complete")))));

        LxcaApplyException e = assertThrows(
                LxcaApplyException.class, () -> follower(lxca, TIMING).follow(start(), "7"));

        assertEquals(ApplyOutcome.INSTALLATION_FAILED, e.outcome());
        assertTrue(
                e.getMessage()
                        .equals("LXCA's update history says the installation of " + FIX
                                + " failed on 2026-12-03T07:00:00Z: Failed: the database migration did not complete"),
                e.getMessage());
        assertTrue(e.whatToDo().startsWith("LXCA still runs 1.0.0"), e.whatToDo());
    }

    @Test
    void aFailureInTheHistoryFromBeforeTheApplyDoesNotFailThisOne() throws Exception {
        UpdateHistoryEntry earlier = new UpdateHistoryEntry(FIX, null, "2026-12-01T07:00:00Z", List.of("Failed"));
        Script lxca = new Script();
        lxca.tasks.addAll(List.of(task("Running", 10), Probe.away("refused"), Probe.notFound("HTTP 404")));
        lxca.versions.addAll(List.of(Probe.answered("1.0.0"), Probe.answered("1.0.0"), Probe.answered("2.0.0")));
        lxca.histories.clear();
        lxca.histories.add(Probe.answered(List.of(earlier)));

        ApplyRecord done = follower(lxca, TIMING).follow(start(), "7", List.of(earlier));

        assertEquals(ApplyOutcome.APPLIED, done.outcome());
        assertEquals("currentVersion", done.proof());
    }

    @Test
    void aHistoryEntryWithDateAppliedProvesTheApplyWhenTheVersionReadsOtherwise() throws Exception {
        Script lxca = new Script();
        lxca.tasks.add(task("Complete", 100));
        lxca.versions.add(Probe.answered("2.0.0-b42"));
        lxca.histories.clear();
        lxca.histories.add(Probe.answered(List.of(new UpdateHistoryEntry(FIX, "2026-12-03", null, List.of()))));

        ApplyRecord done = follower(lxca, TIMING).follow(start(), "7");

        assertEquals("history", done.proof());
    }

    @Test
    void aVersionThatDoesNotChangeAfterTheRestartFailsOnceTheGracePeriodIsOver() {
        Script lxca = new Script();
        lxca.tasks.addAll(List.of(task("Running", 10), Probe.away("refused"), Probe.notFound("HTTP 404")));
        lxca.versions.add(Probe.answered("1.0.0"));

        LxcaApplyException e = assertThrows(
                LxcaApplyException.class, () -> follower(lxca, TIMING).follow(start(), "7"));

        assertEquals(ApplyOutcome.VERSION_UNCHANGED, e.outcome());
        assertEquals(
                "LXCA came back from its restart but still runs version 1.0.0, not 2.0.0 of " + FIX
                        + ", and its update history does not record the apply",
                e.getMessage());
        assertTrue(
                clock.instant().isAfter(START.plus(Duration.ofMinutes(5)).minusSeconds(1)),
                "not before the grace period: " + clock.instant());
    }

    @Test
    void anLxcaThatNeverComesBackFailsAtTheTimeoutNamingHowLongItWasAway() {
        Script lxca = new Script();
        lxca.tasks.addAll(
                List.of(task("Running", 10), Probe.away("Cannot connect to LXCA at lxca:443: connection refused")));
        ApplyTiming short10 = new ApplyTiming(
                Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

        LxcaApplyException e = assertThrows(
                LxcaApplyException.class, () -> follower(lxca, short10).follow(start(), "7"));

        assertEquals(ApplyOutcome.NEVER_CAME_BACK, e.outcome());
        assertEquals(
                "LXCA did not come back within 10 min of applying " + FIX + ": unreachable for the last 595 s"
                        + " (Cannot connect to LXCA at lxca:443: connection refused)",
                e.getMessage());
        assertTrue(
                e.whatToDo().startsWith("do not apply again while the update may still be installing"), e.whatToDo());
        assertEquals(595, e.record().unreachableSeconds());
        assertEquals(2, lines.size(), "one line for the job, one for the outage, none per retry: " + lines);
    }

    @Test
    void aLastingRefusalCountsOnlyAfterTheGracePeriod() {
        Script lxca = new Script();
        io.github.lxca.client.LxcaException boom = new io.github.lxca.client.LxcaRejectedException(
                "LXCA refused to read the state of job 7: HTTP 500", 500, "7", List.of(), "see above");
        lxca.tasks.addAll(List.of(task("Running", 10), Probe.refused(boom)));

        LxcaApplyException e = assertThrows(
                LxcaApplyException.class, () -> follower(lxca, TIMING).follow(start(), "7"));

        assertEquals(ApplyOutcome.REFUSED, e.outcome());
        assertEquals(
                "LXCA refused reading apply job 7 while applying " + FIX
                        + ": LXCA refused to read the state of job 7: HTTP 500",
                e.getMessage());
        assertEquals("see above", e.whatToDo(), "LXCA's own advice for the refusal is kept");
        assertTrue(
                !clock.instant().isBefore(START.plus(Duration.ofMinutes(5))),
                "during the grace period: " + clock.instant());
    }

    @Test
    void withoutAJobIdTheVersionAloneDecides() throws Exception {
        Script lxca = new Script();
        lxca.versions.addAll(List.of(Probe.answered("1.0.0"), Probe.away("refused"), Probe.answered("2.0.0")));

        ApplyRecord done = follower(lxca, TIMING)
                .follow(
                        new ApplyRecord("lxca", FIX, null, null, List.of(), 0, "1.0.0", null, "2.0.0", null, null),
                        null);

        assertEquals(ApplyOutcome.APPLIED, done.outcome());
        assertEquals(null, done.jobId());
    }
}
