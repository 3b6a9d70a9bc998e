package io.github.lxca.importer;

/** How one import into one LXCA ended. */
public enum ImportOutcome {
    /** Every update was imported and is listed in the repository. */
    IMPORTED,
    /** Every update was in the repository already; nothing was uploaded (onExisting=skip, or a broken upload that had landed). */
    ALREADY_PRESENT,
    /** A dry run: checked and logged in, nothing uploaded. */
    DRY_RUN,
    /** The import failed; the report says why. */
    FAILED
}
