package io.github.lxca.importer;

import io.github.lxca.client.ConnectionSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One import into one LXCA, fully described: where to send which folder of update sets, how long to
 * follow the job, what to do with updates already there, and whether to upload at all.
 */
public record ImportRequest(
        ConnectionSettings connection,
        Path updateDirectory,
        Duration pollInterval,
        Duration taskTimeout,
        OnExisting onExisting,
        boolean dryRun) {}
