package io.github.lxca.apply;

/** How an apply ended; the {@code outcome} of the apply report. */
public enum ApplyOutcome {
    /** LXCA runs the update: its version is the update's, or its history records the apply. */
    APPLIED,
    /**
     * Nothing was sent: LXCA already runs the update's version and, where its history is readable, the history
     * records this fix id applied (a re-run of a green pipeline).
     */
    ALREADY_APPLIED,
    /** A dry run: nothing was applied. */
    DRY_RUN,
    /** Refused before the apply: the update is not newer than the version LXCA runs. */
    NOT_NEWER,
    /** Refused before the apply: the fix id is not in LXCA's updates repository. */
    NOT_IN_REPOSITORY,
    /** LXCA refused the apply call, or answered with a lasting error after the grace period. */
    REFUSED,
    /** The apply job ended in an error state. */
    JOB_FAILED,
    /** LXCA's update history records a failed installation of the fix id. */
    INSTALLATION_FAILED,
    /** LXCA did not come back, or the apply did not end, within the timeout. */
    NEVER_CAME_BACK,
    /** LXCA came back, but still runs the old version and its history does not record the apply. */
    VERSION_UNCHANGED,
    /** A staged rollout halted before it reached this LXCA: nothing was sent to it; the record's error says why. */
    NOT_STARTED;

    /** Whether the build goes on: LXCA runs the update, or nothing was meant to change. */
    public boolean succeeded() {
        return this == APPLIED || this == ALREADY_APPLIED || this == DRY_RUN;
    }
}
