package io.github.lxca.importer;

import io.github.lxca.client.LxcaMessage;
import java.time.Duration;
import java.util.List;

/**
 * What {@link UpdateImporter} achieved in one LXCA, for the caller (the coordinator makes a
 * {@link ReportEntry} of it): which fix ids were imported (and which skipped), under which job, how many
 * bytes were uploaded, how long it took, and the job's messages. {@code jobId} and {@code finalState}
 * are null when nothing was uploaded.
 */
public record ImportResult(
        ImportOutcome outcome,
        List<String> fixIds,
        List<String> skipped,
        String jobId,
        String finalState,
        long bytes,
        Duration duration,
        List<LxcaMessage> messages) {
    public ImportResult {
        fixIds = List.copyOf(fixIds);
        skipped = List.copyOf(skipped);
        messages = List.copyOf(messages);
    }
}
