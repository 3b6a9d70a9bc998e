package io.github.lxca.importer;

import io.github.lxca.client.ConnectionSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One import into one LXCA, fully described: where to send which folder of update sets, how long to
 * follow the job, what to do with updates already there, and whether to upload at all.
 *
 * @param name how the LXCA is named in the log lines and reports: a {@code <server>} entry's name, else its host
 */
public record ImportRequest(
        ConnectionSettings connection,
        Path updateDirectory,
        Duration pollInterval,
        Duration taskTimeout,
        OnExisting onExisting,
        boolean dryRun,
        String name) {

    public ImportRequest {
        name = name == null || name.isBlank() ? connection.host() : name;
    }

    /** An import named by its LXCA's host. */
    public ImportRequest(
            ConnectionSettings connection,
            Path updateDirectory,
            Duration pollInterval,
            Duration taskTimeout,
            OnExisting onExisting,
            boolean dryRun) {
        this(connection, updateDirectory, pollInterval, taskTimeout, onExisting, dryRun, null);
    }
}
