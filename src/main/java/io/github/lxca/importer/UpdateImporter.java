package io.github.lxca.importer;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.Sleeper;
import io.github.lxca.client.Task;
import io.github.lxca.client.TaskPoller;
import io.github.lxca.client.TaskState;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import io.github.lxca.update.UpdateSetScanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Imports the update sets of a folder into LXCA: checks them, logs in, creates one import job for all
 * their files, uploads them, follows the job's task to its end, and always logs out, also when the
 * JVM is stopped (Ctrl-C) on the way.
 */
public final class UpdateImporter {
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    /** Opens a client for a connection; tests may supply their own. */
    @FunctionalInterface
    public interface ClientFactory {
        LxcaClient open(ConnectionSettings settings, LxcaLog log) throws LxcaConfigurationException;
    }

    private final ClientFactory clients;
    private final Clock clock;
    private final Sleeper sleeper;
    private final LxcaLog log;

    public UpdateImporter(ClientFactory clients, Clock clock, Sleeper sleeper, LxcaLog log) {
        this.clients = clients;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    public static UpdateImporter standard(LxcaLog log) {
        return new UpdateImporter(LxcaClient::open, Clock.systemUTC(), Sleeper.REAL, log);
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
        try (LxcaClient client = clients.open(connection, log);
                InterruptionGuard guard = InterruptionGuard.install(client, log)) {
            client.login();
            String jobId = uploadInNewJob(client, files, guard);
            String finalState;
            if (jobId == null) {
                finalState = "AlreadyInRepository";
            } else {
                guard.state(jobId, "uploaded; LXCA goes on importing it");
                TaskPoller poller = new TaskPoller(client::task, clock, sleeper, request.pollInterval(), request.taskTimeout());
                Task task = poller.awaitEnd(jobId, t -> log.info("Job " + jobId + ": " + t.rawState() + " " + t.percentage() + "%"));
                finalState = task.rawState();
            }
            guard.state(jobId, null);
            Duration total = Duration.between(start, clock.instant());
            log.info("Imported " + String.join(", ", fixIds) + ": job " + jobId + " " + finalState + ", "
                    + Sizes.bytes(bytes) + " in " + Sizes.seconds(total));
            return new ImportResult(fixIds, jobId, finalState, bytes, total);
        }
    }

    /**
     * Creates a job and uploads the files into it. An upload cut off midway spends its job: unless LXCA
     * shows that it got the files after all, or that the updates are in its repository already, a new job
     * is created and the files are uploaded again, a bounded number of times. Never imports a set twice.
     *
     * @return the job that received the files, or null when the repository already holds every update
     */
    private String uploadInNewJob(LxcaClient client, List<UpdateFile> files, InterruptionGuard guard)
            throws LxcaException {
        int retries = client.retries();
        for (int attempt = 0; ; attempt++) {
            String jobId = client.createImportJob(files);
            log.info("Created import job " + jobId);
            guard.state(jobId, "created, with its upload unfinished");
            Instant uploadStart = clock.instant();
            try {
                client.upload(jobId, files, new UploadProgressLog(log, clock, PROGRESS_INTERVAL));
                Duration uploadTime = Duration.between(uploadStart, clock.instant());
                long bytes = files.stream().mapToLong(UpdateFile::size).sum();
                log.info("Upload finished in " + Sizes.seconds(uploadTime) + " (" + Sizes.rate(bytes, uploadTime)
                        + "); following job " + jobId);
                return jobId;
            } catch (LxcaConnectionException broken) {
                if (attempt >= retries) {
                    throw broken;
                }
                log.warn(broken.getMessage() + "; checking what LXCA received before uploading again");
                Task task = client.task(jobId);
                if (task.state() == TaskState.SUCCEEDED || task.state() == TaskState.RUNNING && task.percentage() > 0) {
                    log.info("LXCA received the files of job " + jobId + " (it is " + task.rawState() + "); following it");
                    return jobId;
                }
                Set<String> present = client.repositoryFixIds();
                List<String> fixIds = files.stream().map(f -> f.name().substring(0, f.name().lastIndexOf('.')))
                        .distinct().toList();
                if (present.containsAll(fixIds)) {
                    log.info("LXCA's repository already holds " + String.join(", ", fixIds) + "; not uploading again");
                    return null;
                }
                log.info("Uploading again in a new job (retry " + (attempt + 1) + " of " + retries + ")");
            }
        }
    }
}
