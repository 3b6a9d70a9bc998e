package io.github.lxca.apply;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaMessage;
import io.github.lxca.client.Probe;
import io.github.lxca.client.Sleeper;
import io.github.lxca.client.Task;
import io.github.lxca.client.TaskState;
import io.github.lxca.client.UpdateHistoryEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Follows an apply through LXCA's restart until LXCA proves it runs the update, and never sends the apply
 * again. First the apply job, while there is one; then the version LXCA runs and its update history. No
 * connection, timeouts, 502/503/504, HTML pages, a session LXCA forgot (it logs in again) and a job LXCA forgot
 * all mean that LXCA is restarting: it polls on, backing off, and reports one line per change of state, not one
 * per poll. Time comes from an injected clock and waiting from an injected sleeper.
 */
public final class ApplyFollower {

    /**
     * The quiet, single-attempt calls the follower makes; in production, {@code LxcaClient}'s probes. Each gets
     * {@code left}, what is left of the apply's time, and must end within it or the probe limit, whichever is
     * shorter: so the follow ends within its timeout plus at most one short probe, however LXCA answers.
     */
    public interface Appliance {
        Probe<Void> login(Duration left);

        Probe<Task> task(String jobId, Duration left);

        Probe<String> currentVersion(Duration left);

        Probe<List<UpdateHistoryEntry>> history(Duration left);
    }

    /** Gets one line each time the state seen changes. */
    @FunctionalInterface
    public interface Listener {
        void changed(String line);
    }

    private final Appliance appliance;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ApplyTiming timing;
    private final Listener listener;

    public ApplyFollower(Appliance appliance, Clock clock, Sleeper sleeper, ApplyTiming timing, Listener listener) {
        this.appliance = appliance;
        this.clock = clock;
        this.sleeper = sleeper;
        this.timing = timing;
        this.listener = listener;
    }

    /**
     * @param jobId the apply job, or null when LXCA's reply named none: then only the version and history count
     * @param start the base record: server, fix id, job, version before, the update's version
     * @return the record of an apply that LXCA proved
     * @throws LxcaApplyException when the job or the installation failed, the version did not change, or LXCA
     *     did not come back in time
     */
    public ApplyRecord follow(ApplyRecord start, String jobId) throws LxcaApplyException, InterruptedException {
        return follow(start, jobId, List.of());
    }

    /**
     * @param historyBefore LXCA's update history as read before the apply: an entry for the fix id found there (an
     *     earlier, failed attempt) neither proves nor fails this apply
     */
    public ApplyRecord follow(ApplyRecord start, String jobId, List<UpdateHistoryEntry> historyBefore)
            throws LxcaApplyException, InterruptedException {
        return new Run(start, jobId, historyBefore).follow();
    }

    private final class Run {
        private final ApplyRecord start;
        private final String jobId;
        private final List<UpdateHistoryEntry> historyBefore;
        private final Instant began = clock.instant();
        private final Instant deadline = began.plus(timing.timeout());
        private final Instant graceEnd = began.plus(timing.gracePeriod());
        private final List<String> statesSeen = new ArrayList<>();
        private String lastLine;
        private Duration unreachable = Duration.ZERO;
        private Instant awaySince;
        private boolean wentAway;
        private boolean followingJob;
        private boolean jobEnded;
        private boolean needLogin;
        private Task lastTask;
        private String lastVersion;
        private Instant unchangedSince;
        private Duration wait;
        private String lastAwayReason = "no reply";

        Run(ApplyRecord start, String jobId, List<UpdateHistoryEntry> historyBefore) {
            this.start = start;
            this.historyBefore = List.copyOf(historyBefore);
            this.jobId = jobId;
            this.followingJob = jobId != null;
            this.wait = timing.firstInterval();
        }

        ApplyRecord follow() throws LxcaApplyException, InterruptedException {
            while (true) {
                if (!clock.instant().isBefore(deadline)) {
                    throw neverCameBack();
                }
                if (needLogin) {
                    Probe<Void> login = appliance.login(left());
                    if (login.answered()) {
                        answered();
                        needLogin = false;
                        see("logged in to LXCA again", null);
                        continue;
                    }
                    notAnswered(login, "logging in");
                } else if (followingJob) {
                    followJob();
                } else {
                    Optional<ApplyRecord> proven = checkVersion();
                    if (proven.isPresent()) {
                        return proven.get();
                    }
                }
                pause();
            }
        }

        private void followJob() throws LxcaApplyException {
            Probe<Task> probe = appliance.task(jobId, left());
            if (probe.answered()) {
                answered();
                Task task = probe.value();
                lastTask = task;
                see("apply job " + jobId + ": " + task.rawState() + " " + task.percentage() + "%", task.rawState());
                if (task.outcome() == TaskState.FAILED) {
                    throw fail(
                            ApplyOutcome.JOB_FAILED,
                            "The apply job " + jobId + " of " + start.fixId() + " ended '" + task.rawState() + "'",
                            task.allMessages(),
                            (LxcaMessage.hasRecoveryAdvice(task.allMessages())
                                            ? "follow LXCA's recovery advice above; the job's log is under"
                                                    + " Monitoring > Jobs in LXCA's web console."
                                            : "LXCA gave no recovery advice; read the job's log under"
                                                    + " Monitoring > Jobs in LXCA's web console.")
                                    + " LXCA still runs " + versionText()
                                    + "; apply again only after fixing the cause");
                }
                if (task.outcome() == TaskState.SUCCEEDED) {
                    followingJob = false;
                    jobEnded = true;
                }
                return;
            }
            if (probe.kind() == Probe.Kind.NOT_FOUND) {
                followingJob = false;
                jobEnded = true;
                see(
                        "LXCA no longer knows apply job " + jobId + " (it restarted); checking its version",
                        "job forgotten");
                return;
            }
            notAnswered(probe, "reading apply job " + jobId);
        }

        private Optional<ApplyRecord> checkVersion() throws LxcaApplyException {
            Probe<String> version = appliance.currentVersion(left());
            if (!version.answered()) {
                notAnswered(
                        version.kind() == Probe.Kind.NOT_FOUND ? Probe.away("HTTP 404") : version,
                        "reading its version");
                return Optional.empty();
            }
            answered();
            lastVersion = version.value();
            see("LXCA runs version " + lastVersion, null);
            if (VersionComparison.same(lastVersion, start.updateVersion())) {
                return Optional.of(proven("currentVersion"));
            }
            Probe<List<UpdateHistoryEntry>> history = appliance.history(left());
            if (history.answered()) {
                Optional<UpdateHistoryEntry> entry = HistoryMatch.last(
                                history.value(), start.fixId(), start.updateVersion())
                        .filter(e -> !historyBefore.contains(e));
                if (entry.isPresent() && entry.get().failed()) {
                    UpdateHistoryEntry failed = entry.get();
                    see(
                            "LXCA's history: installation of " + start.fixId() + " failed "
                                    + failed.installationFailedDate(),
                            "installation failed");
                    throw fail(
                            ApplyOutcome.INSTALLATION_FAILED,
                            "LXCA's update history says the installation of "
                                    + start.fixId() + " failed on " + failed.installationFailedDate()
                                    + (failed.words().isEmpty() ? "" : ": " + String.join("; ", failed.words())),
                            List.of(),
                            "LXCA still runs " + lastVersion + "; read the update's history and the jobs log in"
                                    + " LXCA's web console (Administration > Update Management Server), fix the cause,"
                                    + " then apply again");
                }
                if (entry.isPresent() && entry.get().applied()) {
                    return Optional.of(proven("history"));
                }
            }
            Instant now = clock.instant();
            if (unchangedSince == null) {
                unchangedSince = now;
            }
            boolean settled = !now.isBefore(unchangedSince.plus(timing.gracePeriod())) && !now.isBefore(graceEnd);
            if ((wentAway || jobEnded) && settled) {
                throw fail(
                        ApplyOutcome.VERSION_UNCHANGED,
                        "LXCA " + (wentAway ? "came back from its restart" : "ended the apply job")
                                + " but still runs version " + lastVersion + ", not " + start.updateVersion() + " of "
                                + start.fixId()
                                + ", and its update history does not record the apply",
                        List.of(),
                        "the update did not take effect; check Administration > Update Management Server and the jobs"
                                + " log in LXCA's web console, and whether the update's version matches the version it installs");
            }
            return Optional.empty();
        }

        /**
         * What is left of the apply's time, for the next probe; when nothing is, the follow ends here rather than
         * start a probe past the deadline (the version and the history are two probes in one round).
         */
        private Duration left() throws LxcaApplyException {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw neverCameBack();
            }
            return left;
        }

        private void notAnswered(Probe<?> probe, String doing) throws LxcaApplyException {
            Instant now = clock.instant();
            if (probe.kind() == Probe.Kind.REFUSED && !now.isBefore(graceEnd)) {
                LxcaException refusal = probe.refusal();
                throw fail(
                        ApplyOutcome.REFUSED,
                        "LXCA refused " + doing + " while applying " + start.fixId() + ": " + refusal.getMessage(),
                        refusal.messages(),
                        refusal.whatToDo());
            }
            if (awaySince == null) {
                awaySince = now;
            }
            wentAway = true;
            unchangedSince = null;
            lastAwayReason = probe.reason();
            if (probe.kind() == Probe.Kind.SESSION_GONE) {
                needLogin = true;
                see("LXCA ended the session (" + probe.reason() + "); logging in again", "session ended");
            } else {
                see("LXCA is restarting or unreachable (" + probe.reason() + ")", "unreachable");
            }
            wait = wait.multipliedBy(2).compareTo(timing.maxInterval()) > 0
                    ? timing.maxInterval()
                    : wait.multipliedBy(2);
        }

        private void answered() {
            if (awaySince != null) {
                Duration window = Duration.between(awaySince, clock.instant());
                unreachable = unreachable.plus(window);
                see("LXCA answers again after " + window.toSeconds() + " s", "back");
                awaySince = null;
            }
            wait = timing.firstInterval();
        }

        /** Reports a line when it differs from the last; keeps the short state in the record when it differs from the last one kept. */
        private void see(String line, String state) {
            if (!Objects.equals(line, lastLine)) {
                listener.changed(line);
                lastLine = line;
            }
            if (state != null
                    && (statesSeen.isEmpty()
                            || !statesSeen.get(statesSeen.size() - 1).equals(state))) {
                statesSeen.add(state);
            }
        }

        private void pause() throws InterruptedException {
            Duration left = Duration.between(clock.instant(), deadline);
            if (!left.isNegative() && !left.isZero()) {
                sleeper.sleep(left.compareTo(wait) < 0 ? left : wait);
            }
        }

        private ApplyRecord current(ApplyOutcome outcome, String proof) {
            return new ApplyRecord(
                    start.server(),
                    start.fixId(),
                    outcome,
                    jobId,
                    statesSeen,
                    unreachable
                            .plus(awaySince == null ? Duration.ZERO : Duration.between(awaySince, clock.instant()))
                            .toSeconds(),
                    start.versionBefore(),
                    lastVersion,
                    start.updateVersion(),
                    proof,
                    null);
        }

        private ApplyRecord proven(String proof) {
            see(
                    "LXCA runs " + start.fixId()
                            + (proof.equals("currentVersion")
                                    ? " (version " + lastVersion + ")"
                                    : " (its history records the apply)"),
                    "applied");
            return current(ApplyOutcome.APPLIED, proof);
        }

        private LxcaApplyException fail(
                ApplyOutcome outcome, String headline, List<LxcaMessage> messages, String whatToDo) {
            return new LxcaApplyException(outcome, headline, current(outcome, null), messages, whatToDo);
        }

        private LxcaApplyException neverCameBack() {
            String minutes = describe(timing.timeout());
            String headline;
            if (awaySince != null) {
                headline = "LXCA did not come back within " + minutes + " of applying " + start.fixId()
                        + ": unreachable for the last "
                        + Duration.between(awaySince, clock.instant()).toSeconds() + " s (" + lastAwayReason + ")";
            } else if (followingJob && lastTask != null) {
                headline = "The apply job " + jobId + " of " + start.fixId() + " did not end within " + minutes
                        + "; its last state was '" + lastTask.rawState() + "' at " + lastTask.percentage() + "%";
            } else {
                headline = "LXCA did not report version " + start.updateVersion() + " of " + start.fixId() + " within "
                        + minutes + "; it runs " + versionText();
            }
            return fail(
                    ApplyOutcome.NEVER_CAME_BACK,
                    headline,
                    lastTask == null ? List.of() : lastTask.allMessages(),
                    "do not apply again while the update may still be installing; check LXCA's virtual machine console"
                            + " and web console, and raise lxca.applyTimeout if its restarts take longer");
        }

        private String versionText() {
            return lastVersion != null
                    ? "version " + lastVersion
                    : "version " + start.versionBefore() + " (before the apply)";
        }
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
    }
}
