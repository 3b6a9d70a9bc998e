package io.github.lxca.importer;

import io.github.lxca.client.LxcaLog;
import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Imports the same update sets into one or more LXCAs: checks the sets once, then runs one import per
 * LXCA on a bounded pool, each with its own log prefix when there are several, and waits for all of
 * them, whatever each one's outcome.
 */
public final class ImportCoordinator {
    private final Function<LxcaLog, UpdateImporter> importers;
    private final LxcaLog log;
    private final Clock clock;

    public ImportCoordinator(Function<LxcaLog, UpdateImporter> importers, LxcaLog log, Clock clock) {
        this.importers = importers;
        this.log = log;
        this.clock = clock;
    }

    /**
     * The sets to import, checked before anything leaves the machine; payloads in {@code alreadyChecked}
     * are not read to their end again.
     */
    public List<UpdateSet> check(ImportRequest first, CheckedPayloads alreadyChecked) throws InvalidUpdateSetException {
        return importers.apply(log).check(first.updateDirectory(), alreadyChecked);
    }

    /** The records of a run that stopped before any LXCA was called, for the report. */
    public static List<ReportEntry> failedBeforeStart(List<ImportRequest> requests, Exception failure) {
        return requests.stream()
                .map(r -> ReportEntry.failed(
                        r.connection().baseUri().toString(),
                        r.connection().credentials().username(),
                        List.of(),
                        0,
                        failure,
                        new JobProgress()))
                .toList();
    }

    public List<ReportEntry> run(List<UpdateSet> sets, List<ImportRequest> requests, int parallelism)
            throws InterruptedException {
        if (requests.size() == 1) {
            return List.of(importInto(sets, requests.get(0), log));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, requests.size())));
        try {
            List<Future<ReportEntry>> running = new ArrayList<>();
            for (ImportRequest request : requests) {
                LxcaLog prefixed = new PrefixedLog(log, request.name());
                running.add(pool.submit(() -> importInto(sets, request, prefixed)));
            }
            List<ReportEntry> records = new ArrayList<>();
            for (Future<ReportEntry> future : running) {
                try {
                    records.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("An import thread failed unexpectedly", e.getCause());
                }
            }
            return records;
        } finally {
            pool.shutdownNow();
        }
    }

    private ReportEntry importInto(List<UpdateSet> sets, ImportRequest request, LxcaLog importLog)
            throws InterruptedException {
        String server = request.connection().baseUri().toString();
        String user = request.connection().credentials().username();
        Instant start = clock.instant();
        JobProgress progress = new JobProgress();
        try {
            return ReportEntry.of(server, user, importers.apply(importLog).importSets(sets, request, progress));
        } catch (io.github.lxca.client.LxcaException | RuntimeException e) {
            return ReportEntry.failed(
                    server,
                    user,
                    sets.stream().map(UpdateSet::fixId).toList(),
                    java.time.Duration.between(start, clock.instant()).toMillis(),
                    e,
                    progress);
        }
    }
}
