package io.github.lxca.apply;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What happened to one apply, for the report: the fix id, the job, the states seen in order, how long LXCA
 * was unreachable while it restarted, the versions before and after, how it ended, and in what words.
 *
 * @param proof what showed that LXCA runs the update ({@code currentVersion} or {@code history}), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "server",
    "fixId",
    "outcome",
    "jobId",
    "statesSeen",
    "unreachableSeconds",
    "versionBefore",
    "versionAfter",
    "updateVersion",
    "proof",
    "error"
})
public record ApplyRecord(
        String server,
        String fixId,
        ApplyOutcome outcome,
        String jobId,
        List<String> statesSeen,
        long unreachableSeconds,
        String versionBefore,
        String versionAfter,
        String updateVersion,
        String proof,
        String error) {

    public ApplyRecord {
        statesSeen = List.copyOf(statesSeen);
    }

    public ApplyRecord failed(ApplyOutcome failure, String headline) {
        return new ApplyRecord(
                server,
                fixId,
                failure,
                jobId,
                statesSeen,
                unreachableSeconds,
                versionBefore,
                versionAfter,
                updateVersion,
                null,
                headline);
    }
}
