package io.github.lxca.apply;

/** How an apply ended; the {@code outcome} of the apply report. */
public enum ApplyOutcome {
    /** LXCA runs the update: its version is the update's, or its history records the apply. */
    APPLIED,
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
    VERSION_UNCHANGED
}
