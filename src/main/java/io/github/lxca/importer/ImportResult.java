package io.github.lxca.importer;

import java.time.Duration;
import java.util.List;

/** What an import achieved: which fix ids, under which job, how many bytes, how long it took. */
public record ImportResult(List<String> fixIds, String jobId, String finalState, long bytes, Duration duration) {
    public ImportResult {
        fixIds = List.copyOf(fixIds);
    }
}
