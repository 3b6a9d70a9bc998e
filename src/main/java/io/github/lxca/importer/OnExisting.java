package io.github.lxca.importer;

/** What to do when LXCA's repository already holds a fix id that is about to be imported. */
public enum OnExisting {
    /** Fail the build, saying how to remove the update or how to choose another behaviour. */
    FAIL,
    /** Leave it, import the others, and succeed: re-running a pipeline is safe. */
    SKIP,
    /** Delete it from the repository first, then import it again. */
    REPLACE
}
