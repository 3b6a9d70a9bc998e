package io.github.lxca.importer;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.Task;
import io.github.lxca.client.TaskPoller;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import io.github.lxca.update.UpdateSetScanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports the update sets of a folder into LXCA: checks them, logs in, creates one import job for all
 * their files, uploads them, follows the job's task to its end, and always logs out.
 */
public final class UpdateImporter {
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    /** Opens a client for a connection; tests may supply their own. */
    @FunctionalInterface
    public interface ClientFactory {
        LxcaClient open(ConnectionSettings settings, Consumer<String> debugLog) throws LxcaConfigurationException;
    }

    private final ClientFactory clients;
    private final Clock clock;
    private final TaskPoller.Sleeper sleeper;
    private final LxcaLog log;

    public UpdateImporter(ClientFactory clients, Clock clock, TaskPoller.Sleeper sleeper, LxcaLog log) {
        this.clients = clients;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    public static UpdateImporter standard(LxcaLog log) {
        return new UpdateImporter(LxcaClient::open, Clock.systemUTC(), TaskPoller.Sleeper.REAL, log);
    }

    public ImportResult importUpdates(ImportRequest request)
            throws InvalidUpdateSetException, LxcaException, InterruptedException {
        List<UpdateSet> sets = new UpdateSetScanner(log::warn).scan(request.updateDirectory());
        List<UpdateFile> files = sets.stream().flatMap(set -> set.files().stream()).toList();
        List<String> fixIds = sets.stream().map(UpdateSet::fixId).toList();
        long bytes = sets.stream().mapToLong(UpdateSet::totalSize).sum();
        ConnectionSettings connection = request.connection();
        log.info("Importing " + String.join(", ", fixIds) + " (" + files.size() + " files, " + Sizes.bytes(bytes)
                + ") into LXCA at " + connection.baseUri() + " as " + connection.credentials().username());
        Instant start = clock.instant();
        try (LxcaClient client = clients.open(connection, log::debug)) {
            client.login();
            String jobId = client.createImportJob(files);
            log.info("Created import job " + jobId);
            Instant uploadStart = clock.instant();
            client.upload(jobId, files, new UploadProgressLog(log, clock, PROGRESS_INTERVAL));
            Duration uploadTime = Duration.between(uploadStart, clock.instant());
            log.info("Upload finished in " + Sizes.seconds(uploadTime) + " (" + Sizes.rate(bytes, uploadTime)
                    + "); following job " + jobId + " every " + Sizes.seconds(request.pollInterval()));
            TaskPoller poller = new TaskPoller(client::task, clock, sleeper, request.pollInterval(), request.taskTimeout());
            Task task = poller.awaitEnd(jobId, t -> log.info("Job " + jobId + ": " + t.rawState() + " " + t.percentage() + "%"));
            Duration total = Duration.between(start, clock.instant());
            log.info("Imported " + String.join(", ", fixIds) + ": job " + jobId + " " + task.rawState() + ", "
                    + Sizes.bytes(bytes) + " in " + Sizes.seconds(total));
            return new ImportResult(fixIds, jobId, task.rawState(), bytes, total);
        }
    }
}
