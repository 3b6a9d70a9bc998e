package io.github.lxca.client;

import java.util.Locale;
import java.util.Set;

/** How far a task's state goes: still going, ended well, ended badly, or a state we do not know. */
public enum TaskState {
    RUNNING,
    SUCCEEDED,
    FAILED,
    UNKNOWN;

    private static final Set<String> WAITING = Set.of("pending", "new", "queued");
    private static final Set<String> GOING =
            Set.of("pending", "running", "runningwitherrors", "new", "queued", "starting");
    private static final Set<String> GOOD = Set.of("complete", "completed");
    private static final Set<String> BAD = Set.of(
            "stoppedwitherror",
            "stoppedwitherrors",
            "cancelled",
            "cancelledwitherrors",
            "canceled",
            "canceledwitherrors",
            "interrupted",
            "failed",
            "error");

    /** Classifies a raw state name, ignoring case and '_', '-' or space differences. */
    public static TaskState of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String key = key(raw);
        if (GOING.contains(key)) {
            return RUNNING;
        }
        if (GOOD.contains(key)) {
            return SUCCEEDED;
        }
        if (BAD.contains(key)) {
            return FAILED;
        }
        return UNKNOWN;
    }

    /** Whether a raw state says the job has not started: an import job waiting for its files shows one. */
    public static boolean notStarted(String raw) {
        return raw != null && WAITING.contains(key(raw));
    }

    private static String key(String raw) {
        return raw.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
