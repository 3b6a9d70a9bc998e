package io.github.lxca.importer;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.JobIds;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaFailureException;
import io.github.lxca.client.LxcaFailureException.Kind;
import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.LxcaTaskFailedException;
import io.github.lxca.client.LxcaTaskTimeoutException;
import io.github.lxca.client.Sleeper;
import io.github.lxca.client.Task;
import io.github.lxca.client.TaskPoller;
import io.github.lxca.client.TaskState;
import io.github.lxca.client.WhatToDo;
import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import io.github.lxca.update.UpdateSetScanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

    /** Finds and checks the sets of a folder, before anything leaves the machine. */
    public List<UpdateSet> check(Path directory, CheckedPayloads alreadyChecked) throws InvalidUpdateSetException {
        return new UpdateSetScanner(log::warn, alreadyChecked, log::info, log::debug).scan(directory);
    }

    /**
     * Imports sets that {@link #check} accepted (the request's folder is not read again), keeping {@code progress}
     * up to date (job, state, bytes) so that a caller can report how far an import got that then failed.
     */
    public ImportResult importSets(List<UpdateSet> sets, ImportRequest request, JobProgress progress)
            throws LxcaException, InterruptedException {
        ConnectionSettings connection = request.connection();
        log.info((request.dryRun() ? "Dry run: checking " : "Importing ") + describe(sets) + " into LXCA at "
                + connection.baseUri() + " as " + connection.credentials().username());
        Instant start = clock.instant();
        try (LxcaClient client = clients.open(connection, log);
                InterruptionGuard guard = InterruptionGuard.install(client, log)) {
            client.login();
            List<String> skipped = new ArrayList<>();
            List<String> toReplace = new ArrayList<>();
            List<String> present = presentIn(client, sets);
            if (request.dryRun() && request.onExisting() == OnExisting.FAIL && !present.isEmpty()) {
                // a dry run says what would happen, and never fails on its verdict
                log.info("Dry run: would fail: LXCA's repository already holds " + String.join(", ", present)
                        + " (onExisting=fail); -Dlxca.onExisting=skip would leave it there, replace would delete it"
                        + " first. Nothing was uploaded.");
                return new ImportResult(
                        ImportOutcome.DRY_RUN, fixIdsOf(sets), List.of(), null, null, 0, since(start), List.of());
            }
            sets = handleExisting(client, sets, request, present, skipped, toReplace);
            List<String> fixIds = fixIdsOf(sets);
            if (sets.isEmpty()) {
                log.info("Nothing to import: LXCA's repository already holds " + String.join(", ", skipped));
                return new ImportResult(
                        ImportOutcome.ALREADY_PRESENT, fixIds, skipped, null, null, 0, since(start), List.of());
            }
            if (request.dryRun()) {
                log.info("Dry run: would upload " + describe(sets) + "; the credentials work and the repository"
                        + " was read. Nothing was uploaded.");
                return new ImportResult(ImportOutcome.DRY_RUN, fixIds, skipped, null, null, 0, since(start), List.of());
            }
            if (awaitOtherImports(client, fixIds, request)) {
                // it ended: what it left in the repository decides again, as at the start
                toReplace.clear();
                sets = handleExisting(client, sets, request, presentIn(client, sets), skipped, toReplace);
                fixIds = fixIdsOf(sets);
                if (sets.isEmpty()) {
                    log.info("Nothing to import: LXCA's repository now holds " + String.join(", ", skipped));
                    return new ImportResult(
                            ImportOutcome.ALREADY_PRESENT, fixIds, skipped, null, null, 0, since(start), List.of());
                }
            }
            long bytes = sets.stream().mapToLong(UpdateSet::totalSize).sum();
            List<String> deleted = new ArrayList<>();
            String jobId;
            Task task;
            try {
                jobId = uploadInNewJob(client, sets, guard, progress, toReplace, deleted);
                if (jobId == null) {
                    return new ImportResult(
                            ImportOutcome.ALREADY_PRESENT, fixIds, skipped, null, null, bytes, since(start), List.of());
                }
                guard.state(jobId, "uploaded; LXCA goes on importing it");
                Instant followUntil = clock.instant().plus(request.taskTimeout());
                TaskPoller poller = new TaskPoller(
                        id -> client.task(id, () -> Duration.between(clock.instant(), followUntil)),
                        clock,
                        sleeper,
                        request.pollInterval(),
                        request.taskTimeout());
                task = poller.awaitEnd(jobId, t -> {
                    progress.state(t.rawState());
                    log.info("Job " + jobId + ": " + t.rawState() + " " + t.percentage() + "%");
                });
                guard.state(jobId, null);
                verifyListed(client, fixIds, jobId, task);
            } catch (LxcaException e) {
                cancelLeftBehind(client, progress);
                throw deleted.isEmpty() ? e : replaceFailed(deleted, e);
            } catch (InterruptedException | RuntimeException e) {
                cancelLeftBehind(client, progress);
                throw e;
            }
            Duration total = since(start);
            log.info("Imported " + String.join(", ", fixIds) + ": job " + jobId + " " + task.rawState() + " in "
                    + Sizes.seconds(total));
            return new ImportResult(
                    ImportOutcome.IMPORTED, fixIds, skipped, jobId, task.rawState(), bytes, total, task.allMessages());
        }
    }

    /**
     * Before a job is created: when LXCA is still running another import of one of the fix ids ({@code GET /tasks}: a
     * task that has not ended and names the fix id; a killed build's, or a concurrent pipeline's), it is named and
     * followed until it ends, at most the task timeout; if it does not end, the build fails and starts no second
     * import. Returns whether one was waited for.
     */
    private boolean awaitOtherImports(LxcaClient client, List<String> fixIds, ImportRequest request)
            throws LxcaException, InterruptedException {
        Optional<List<Task>> tasks = client.allTasks();
        if (tasks.isEmpty()) {
            log.debug("LXCA did not list its tasks (GET /tasks); not checking for another import of the same update");
            return false;
        }
        boolean waited = false;
        for (Task task : tasks.get()) {
            if (!JobIds.isId(task.id()) || task.state().isTerminal()) {
                continue;
            }
            List<String> named = fixIds.stream().filter(task::mentions).toList();
            if (named.isEmpty()) {
                continue;
            }
            String jobId = task.id();
            String what = String.join(", ", named);
            log.warn("LXCA is already running an import of " + what + ": job " + jobId + " ('" + task.rawState()
                    + "' at " + task.percentage() + "%), from another build or one that was stopped; waiting up to "
                    + Sizes.seconds(request.taskTimeout()) + " for it to end before importing");
            Instant until = clock.instant().plus(request.taskTimeout());
            TaskPoller poller = new TaskPoller(
                    id -> client.task(id, () -> Duration.between(clock.instant(), until)),
                    clock,
                    sleeper,
                    request.pollInterval(),
                    request.taskTimeout());
            try {
                Task ended = poller.awaitEnd(
                        jobId,
                        t -> log.info("Job " + jobId + " (the other import of " + what + "): " + t.rawState() + " "
                                + t.percentage() + "%"));
                log.info("The other import of " + what + ", job " + jobId + ", ended '" + ended.rawState() + "'");
            } catch (LxcaTaskTimeoutException stillRunning) {
                throw new LxcaFailureException(
                        Kind.IMPORT_RUNNING,
                        "LXCA is still running import job " + jobId + " of " + what + " after "
                                + Sizes.seconds(request.taskTimeout())
                                + " (lxca.taskTimeout); this build did not start a second import",
                        jobId,
                        stillRunning.messages(),
                        null,
                        null);
            } catch (LxcaTaskFailedException otherFailed) {
                log.info("The other import of " + what + ", job " + jobId + ", failed: " + otherFailed.getMessage());
            }
            waited = true;
        }
        return waited;
    }

    /**
     * Applies {@link OnExisting} to the sets whose fix id the repository already holds; returns those left to
     * import. With replace, nothing is deleted yet: the fix ids to delete go to {@code toReplace}, once
     * everything that can be checked before a delete has been.
     */
    /** The fix ids of these sets that LXCA's repository holds. */
    private static List<String> presentIn(LxcaClient client, List<UpdateSet> sets) throws LxcaException {
        Set<String> inRepository = client.repositoryFixIds();
        return fixIdsOf(sets).stream().filter(inRepository::contains).toList();
    }

    private List<UpdateSet> handleExisting(
            LxcaClient client,
            List<UpdateSet> sets,
            ImportRequest request,
            List<String> present,
            List<String> skipped,
            List<String> toReplace)
            throws LxcaException {
        if (present.isEmpty()) {
            return sets;
        }
        switch (request.onExisting()) {
            case FAIL:
                throw new LxcaFailureException(
                        Kind.UPDATE_PRESENT,
                        "LXCA's repository already holds " + String.join(", ", present),
                        null,
                        List.of(),
                        WhatToDo.SKIP_OR_REPLACE_THE_PRESENT_UPDATE,
                        null);
            case SKIP:
                log.info("LXCA's repository already holds " + String.join(", ", present)
                        + "; skipping (onExisting=skip)");
                skipped.addAll(present);
                return sets.stream()
                        .filter(set -> !present.contains(set.fixId()))
                        .toList();
            default:
                requireRoom(client, sets, present);
                for (String fixId : present) {
                    if (request.dryRun()) {
                        log.info("Dry run: would delete " + fixId
                                + " from LXCA's repository first (onExisting=replace)");
                    } else {
                        toReplace.add(fixId);
                    }
                }
                return sets;
        }
    }

    /**
     * Before replace deletes anything: the repository must have room for the sets without counting on the
     * delete to make it, when LXCA says how much it has.
     */
    private void requireRoom(LxcaClient client, List<UpdateSet> sets, List<String> present) throws LxcaException {
        OptionalLong free = client.repositoryFreeBytes();
        long needed = sets.stream().mapToLong(UpdateSet::totalSize).sum();
        if (free.isEmpty()) {
            log.debug("LXCA did not say how much room its repository has (key=size); replacing without that check");
        } else if (free.getAsLong() < needed) {
            throw new LxcaFailureException(
                    Kind.REPOSITORY_SPACE,
                    "LXCA's repository has " + Sizes.bytes(free.getAsLong())
                            + " free, but the sets to import need " + Sizes.bytes(needed)
                            + "; onExisting=replace deleted nothing,"
                            + " so LXCA still holds " + String.join(", ", present),
                    null,
                    List.of(),
                    null,
                    null);
        }
    }

    /**
     * Deletes the updates to replace, right after the first job was created and before its upload: a job
     * LXCA will not create then fails while they are still there. A job whose delete failed is cancelled.
     */
    private void deleteBeforeUpload(
            LxcaClient client, String jobId, List<String> toReplace, List<String> deleted, JobProgress progress)
            throws LxcaException {
        try {
            for (String fixId : toReplace) {
                log.info("Deleting " + fixId + " from LXCA's repository first (onExisting=replace)");
                client.deleteUpdate(fixId);
                deleted.add(fixId);
            }
        } catch (LxcaException e) {
            cancelAbandoned(client, jobId, "created", progress);
            throw e;
        }
    }

    /** A job that says Complete is believed only once the repository lists every fix id it imported. */
    private void verifyListed(LxcaClient client, List<String> fixIds, String jobId, Task task) throws LxcaException {
        Set<String> listed = client.repositoryFixIds();
        List<String> missing =
                fixIds.stream().filter(id -> !listed.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new LxcaFailureException(
                    Kind.VERIFICATION,
                    "Import job " + jobId + " ended '" + task.rawState()
                            + "', but LXCA's repository does not list " + String.join(", ", missing) + "; it lists "
                            + (listed.isEmpty() ? "no updates" : String.join(", ", listed)),
                    jobId,
                    task.allMessages(),
                    WhatToDo.CHECK_THE_JOB_LOG_FOR_A_REFUSAL,
                    null);
        }
    }

    /**
     * With onExisting=replace, the update was deleted from LXCA's repository and importing it again then failed: LXCA
     * no longer holds it. Carries the failure that stopped the import, with LXCA's messages.
     */
    static LxcaFailureException replaceFailed(List<String> deleted, LxcaException importFailure) {
        String pronoun = deleted.size() > 1 ? "them" : "it";
        return new LxcaFailureException(
                Kind.REPLACE_FAILED,
                "LXCA no longer holds " + String.join(", ", deleted) + ": onExisting=replace deleted " + pronoun
                        + ", and importing " + pronoun + " again failed: " + importFailure.getMessage(),
                importFailure.jobId().orElse(null),
                importFailure.messages(),
                WhatToDo.importAgainAfterReplace(importFailure.whatToDo(), String.join(", ", deleted), pronoun),
                importFailure);
    }

    private static List<String> fixIdsOf(List<UpdateSet> sets) {
        return sets.stream().map(UpdateSet::fixId).toList();
    }

    private static String describe(List<UpdateSet> sets) {
        long bytes = sets.stream().mapToLong(UpdateSet::totalSize).sum();
        int files = sets.stream().mapToInt(set -> set.files().size()).sum();
        return String.join(", ", fixIdsOf(sets)) + " (" + files + " files, " + Sizes.bytes(bytes) + " on disk)";
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }

    /**
     * Creates a job and uploads the files into it. An upload cut off midway spends its job: unless LXCA
     * shows that it got the files after all, or that the updates are in its repository already, a new job
     * is created and the files are uploaded again, a bounded number of times. Never imports a set twice.
     *
     * @return the job that received the files, or null when the repository already holds every update
     */
    private String uploadInNewJob(
            LxcaClient client,
            List<UpdateSet> sets,
            InterruptionGuard guard,
            JobProgress progress,
            List<String> toReplace,
            List<String> deleted)
            throws LxcaException {
        List<UpdateFile> files =
                sets.stream().flatMap(set -> set.files().stream()).toList();
        List<String> fixIds = fixIdsOf(sets);
        long setBytes = sets.stream().mapToLong(UpdateSet::totalSize).sum();
        int retries = client.retries();
        for (int attempt = 0; ; attempt++) {
            String jobId = client.createImportJob(files);
            log.info("Created import job " + jobId);
            progress.job(jobId);
            guard.state(jobId, "created, with its upload unfinished");
            if (attempt == 0 && !toReplace.isEmpty()) {
                deleteBeforeUpload(client, jobId, toReplace, deleted, progress);
            }
            Instant uploadStart = clock.instant();
            UploadProgressLog uploadLog = new UploadProgressLog(log, clock, PROGRESS_INTERVAL);
            try {
                client.upload(jobId, files, uploadLog);
                progress.uploaded(setBytes);
                Duration uploadTime = Duration.between(uploadStart, clock.instant());
                log.info("Upload finished: " + Sizes.bytes(uploadLog.bytesSent()) + " sent in "
                        + Sizes.seconds(uploadTime) + " (" + Sizes.rate(uploadLog.bytesSent(), uploadTime)
                        + "); following job " + jobId);
                return jobId;
            } catch (LxcaConnectionException broken) {
                if (attempt >= retries) {
                    log.warn(broken.getMessage() + "; that was the last attempt");
                    throw broken;
                }
                log.warn(broken.getMessage() + "; checking what LXCA received before uploading again");
                Task task = client.task(jobId);
                progress.state(task.rawState());
                if (task.state() == TaskState.SUCCEEDED
                        || task.state() == TaskState.RUNNING && !TaskState.notStarted(task.rawState())) {
                    log.info("LXCA received the files of job " + jobId + " (it is " + task.rawState()
                            + "); following it");
                    progress.uploaded(setBytes);
                    return jobId;
                }
                if (client.repositoryFixIds().containsAll(fixIds)) {
                    log.info("LXCA's repository already holds " + String.join(", ", fixIds) + "; not uploading again");
                    return null;
                }
                if (task.state() != TaskState.FAILED) {
                    cancelAbandoned(client, jobId, task.rawState(), progress);
                }
                log.info("Uploading again in a new job (retry " + (attempt + 1) + " of " + retries + ")");
            }
        }
    }

    /**
     * The import failed or was interrupted: a job this build created that has not ended (its last state is not a
     * final one) is cancelled, so that nothing this build started is left running or waiting in LXCA, and named.
     */
    private void cancelLeftBehind(LxcaClient client, JobProgress progress) {
        String jobId = progress.jobId();
        String state = progress.lastState();
        if (jobId == null || state != null && TaskState.of(state).isTerminal()) {
            return;
        }
        String last = state != null ? state : progress.bytesUploaded() > 0 ? "uploaded" : "created";
        cancelAbandoned(client, jobId, last, "which this build did not complete");
    }

    /** So that a job left without its files can never start later on a part of them. Best effort. */
    private void cancelAbandoned(LxcaClient client, String jobId, String state, JobProgress progress) {
        if (cancelAbandoned(client, jobId, state, "which did not get the files")) {
            progress.state("Cancelled");
        }
    }

    private boolean cancelAbandoned(LxcaClient client, String jobId, String state, String why) {
        try {
            client.cancelJob(jobId);
            log.info("Cancelled job " + jobId + " (it was " + state + "), " + why);
            return true;
        } catch (LxcaException e) {
            log.warn("Cannot cancel job " + jobId + ", " + why + ": " + e.getMessage()
                    + "; cancel it in LXCA (Monitoring > Jobs) if it is still listed");
            return false;
        }
    }
}
