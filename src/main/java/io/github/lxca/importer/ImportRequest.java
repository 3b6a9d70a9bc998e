package io.github.lxca.importer;

import io.github.lxca.client.ConnectionSettings;
import java.nio.file.Path;
import java.time.Duration;

/** One import, fully described: where to send which folder of update sets, and how long to follow the job. */
public record ImportRequest(ConnectionSettings connection, Path updateDirectory, Duration pollInterval,
        Duration taskTimeout) {
}
