package io.github.lxca.rollout;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How the rollout went on one appliance: one row of the log's table and of the Markdown summary, and one entry
 * of {@code rollout-report.json}.
 *
 * @param importOutcome the import's outcome ({@code IMPORTED}, {@code SKIPPED}, {@code FAILED}, ...), or null when
 *     it was not started
 * @param applyOutcome the apply's outcome ({@code APPLIED}, {@code ALREADY_APPLIED}, {@code NOT_STARTED}, ...)
 * @param restartSeconds how long LXCA did not answer while it restarted
 * @param error the failure's headline, or why the appliance was not started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "server",
    "stage",
    "importOutcome",
    "importJob",
    "applyOutcome",
    "applyJob",
    "versionBefore",
    "versionAfter",
    "restartSeconds",
    "durationMillis",
    "error"
})
public record ApplianceRow(
        String name,
        String server,
        String stage,
        String importOutcome,
        String importJob,
        String applyOutcome,
        String applyJob,
        String versionBefore,
        String versionAfter,
        Long restartSeconds,
        Long durationMillis,
        String error) {

    static final String NOT_STARTED = "NOT_STARTED";

    static ApplianceRow notStarted(String name, String server, String stage, String why) {
        return new ApplianceRow(name, server, stage, null, null, NOT_STARTED, null, null, null, null, null, why);
    }

    /** Whether this appliance counts against {@code maxFailures}: its import or its apply failed. */
    @JsonIgnore
    public boolean failed() {
        return "FAILED".equals(importOutcome)
                || (applyOutcome != null
                        && !applyOutcome.equals(NOT_STARTED)
                        && !applyOutcome.equals("APPLIED")
                        && !applyOutcome.equals("ALREADY_APPLIED")
                        && !applyOutcome.equals("DRY_RUN"));
    }

    @JsonIgnore
    public boolean notStarted() {
        return NOT_STARTED.equals(applyOutcome) && importOutcome == null;
    }
}
