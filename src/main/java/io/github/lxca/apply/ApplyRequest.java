package io.github.lxca.apply;

import java.util.Objects;

/**
 * One apply: the fix id, the version it installs, and how to follow it.
 *
 * @param dryRun check and say what would be applied, apply nothing
 */
public record ApplyRequest(String fixId, String updateVersion, ApplyTiming timing, boolean dryRun) {
    public ApplyRequest {
        Objects.requireNonNull(fixId, "fixId");
        Objects.requireNonNull(updateVersion, "updateVersion");
        Objects.requireNonNull(timing, "timing");
    }
}
