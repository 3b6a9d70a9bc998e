package io.github.lxca.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Follows a job's task until it ends. Time comes from an injected clock and waiting from an
 * injected sleeper, so the poller's tests need not sleep.
 */
public final class TaskPoller {

    /** Where the task comes from: in production {@link LxcaClient#task(String)}. */
    @FunctionalInterface
    public interface TaskSource {
        Task fetch(String jobId) throws LxcaException;
    }

    /** Told each time the task's state or percentage changes. */
    @FunctionalInterface
    public interface Listener {
        void changed(Task task);
    }

    private final TaskSource source;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private final Duration timeout;

    public TaskPoller(TaskSource source, Clock clock, Sleeper sleeper, Duration interval, Duration timeout) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The poll interval must be positive: " + interval);
        }
        this.source = source;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
        this.timeout = timeout;
    }

    /**
     * Polls until the task ends. Returns the task when it succeeded; throws when it, or a child task,
     * failed, or when it has not ended after the timeout.
     */
    public Task awaitEnd(String jobId, Listener listener) throws LxcaException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        String lastSeen = null;
        while (true) {
            Task task = source.fetch(jobId);
            String seen = task.rawState() + "/" + task.percentage();
            if (!Objects.equals(seen, lastSeen)) {
                listener.changed(task);
                lastSeen = seen;
            }
            switch (task.outcome()) {
                case SUCCEEDED:
                    return task;
                case FAILED:
                    throw failed(jobId, task);
                default:
                    break;
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new LxcaTaskTimeoutException(
                        "Import job " + jobId + " did not end within "
                                + describe(timeout) + "; its last state was '" + task.rawState() + "' at "
                                + task.percentage() + "%",
                        jobId,
                        task.allMessages(),
                        WhatToDo.THE_JOB_MAY_STILL_RUN,
                        null);
            }
            Duration wait = Duration.between(now, deadline);
            sleeper.sleep(wait.compareTo(interval) < 0 ? wait : interval);
        }
    }

    private static LxcaTaskFailedException failed(String jobId, Task task) {
        String where = task.state() == TaskState.FAILED
                ? ""
                : task.failedDescendant()
                        .map(child -> "; its step '" + child.name() + "' ended '" + child.rawState() + "'")
                        .orElse("");
        return new LxcaTaskFailedException(
                "Import job " + jobId + " ended '" + task.rawState() + "'" + where,
                jobId,
                task.allMessages(),
                WhatToDo.forFailedJob(task.allMessages()),
                null);
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
    }
}
