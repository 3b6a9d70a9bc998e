package io.github.lxca.importer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaMessage;
import java.util.List;

/**
 * How the import into one LXCA went: one entry of {@link ImportReport}'s {@code imports} and one row of the
 * {@link SummaryTable}. Made from the {@link ImportResult} of that import, or from its failure with the
 * headline, LXCA's messages and the job id it had reached.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "server",
    "user",
    "outcome",
    "jobId",
    "finalState",
    "fixIds",
    "skipped",
    "bytes",
    "durationMillis",
    "throughputMiBPerSecond",
    "error",
    "messages"
})
public record ReportEntry(
        String server,
        String user,
        ImportOutcome outcome,
        String jobId,
        String finalState,
        List<String> fixIds,
        List<String> skipped,
        long bytes,
        long durationMillis,
        Double throughputMiBPerSecond,
        String error,
        List<LxcaMessage> messages,
        @JsonIgnore Exception failure) {

    static ReportEntry of(String server, String user, ImportResult result) {
        long millis = result.duration().toMillis();
        Double throughput =
                result.bytes() > 0 && millis > 0 ? result.bytes() / (millis / 1000.0) / (1024 * 1024) : null;
        return new ReportEntry(
                server,
                user,
                result.outcome(),
                result.jobId(),
                result.finalState(),
                result.fixIds(),
                result.skipped(),
                result.bytes(),
                millis,
                throughput,
                null,
                result.messages(),
                null);
    }

    /**
     * A failed import, with the job, the job's last known state and the bytes LXCA received as far as
     * {@code progress} got, and the failure's headline and LXCA's messages.
     */
    static ReportEntry failed(
            String server, String user, List<String> fixIds, long millis, Exception failure, JobProgress progress) {
        String jobId = failure instanceof LxcaException lxca ? lxca.jobId().orElse(progress.jobId()) : progress.jobId();
        List<LxcaMessage> messages = failure instanceof LxcaException lxca ? lxca.messages() : List.of();
        return new ReportEntry(
                server,
                user,
                ImportOutcome.FAILED,
                jobId,
                progress.lastState(),
                fixIds,
                List.of(),
                progress.bytesUploaded(),
                millis,
                null,
                FailureMessage.headline(failure),
                messages,
                failure);
    }

    @JsonIgnore
    public boolean isFailure() {
        return outcome == ImportOutcome.FAILED;
    }
}
