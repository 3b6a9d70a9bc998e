package io.github.lxca.rollout;

import io.github.lxca.apply.ApplyOutcome;
import io.github.lxca.apply.ApplyRecord;
import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.apply.LxcaApplyException;
import io.github.lxca.apply.UpdateApplier;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.Sleeper;
import io.github.lxca.importer.FailureMessage;
import io.github.lxca.importer.ImportCoordinator;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.PrefixedLog;
import io.github.lxca.importer.ReportEntry;
import io.github.lxca.importer.UpdateImporter;
import io.github.lxca.update.UpdateSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rollout's step on one appliance: imports the sets (as {@code import-update} does, streamed from disk), then
 * applies each update in turn over a session of its own, and makes the appliance's row. Its log lines start with
 * {@code [name]}. The import entries and apply records are kept for the JSON reports.
 */
public final class ImportThenApply implements Rollout.Step {
    private final List<UpdateSet> sets;
    private final Map<String, ImportRequest> requests;
    private final List<ApplyRequest> applies;
    private final Function<LxcaLog, UpdateImporter> importers;
    private final LxcaLog log;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, ReportEntry> imports = new ConcurrentHashMap<>();
    private final Map<String, List<ApplyRecord>> records = new ConcurrentHashMap<>();
    private final Map<String, Exception> failures = new ConcurrentHashMap<>();

    /** @param requests each appliance's import, by its name */
    public ImportThenApply(
            List<UpdateSet> sets,
            Map<String, ImportRequest> requests,
            List<ApplyRequest> applies,
            Function<LxcaLog, UpdateImporter> importers,
            LxcaLog log,
            Clock clock,
            Sleeper sleeper) {
        this.sets = List.copyOf(sets);
        this.requests = Map.copyOf(requests);
        this.applies = List.copyOf(applies);
        this.importers = importers;
        this.log = log;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public ApplianceRow run(String name, String stage) throws InterruptedException {
        ImportRequest request = requests.get(name);
        LxcaLog prefixed = new PrefixedLog(log, name);
        String server = request.connection().baseUri().toString();
        Instant start = clock.instant();
        ReportEntry imported = new ImportCoordinator(importers, prefixed, clock)
                .run(sets, List.of(request), 1)
                .get(0);
        imports.put(name, imported);
        if (imported.isFailure()) {
            failures.put(name, imported.failure());
            return new ApplianceRow(
                    name,
                    server,
                    stage,
                    imported.outcome().name(),
                    imported.jobId(),
                    ApplianceRow.NOT_STARTED,
                    null,
                    null,
                    null,
                    null,
                    millisSince(start),
                    imported.error());
        }
        List<ApplyRecord> done = new ArrayList<>();
        records.put(name, done);
        for (ApplyRequest apply : applies) {
            ApplyRecord record = applyOne(name, server, request, apply, prefixed);
            done.add(record);
            if (!record.outcome().succeeded()) {
                break;
            }
        }
        ApplyRecord first = done.get(0);
        ApplyRecord last = done.get(done.size() - 1);
        long restart = done.stream().mapToLong(ApplyRecord::unreachableSeconds).sum();
        return new ApplianceRow(
                name,
                server,
                stage,
                imported.outcome().name(),
                imported.jobId(),
                last.outcome().name(),
                last.jobId(),
                first.versionBefore(),
                last.versionAfter(),
                restart,
                millisSince(start),
                last.error());
    }

    private ApplyRecord applyOne(
            String name, String server, ImportRequest request, ApplyRequest apply, LxcaLog prefixed)
            throws InterruptedException {
        try (LxcaClient client = LxcaClient.open(request.connection(), prefixed)) {
            client.login();
            return new UpdateApplier(clock, sleeper, prefixed).apply(client, server, apply);
        } catch (LxcaApplyException e) {
            failures.put(name, e);
            prefixed.warn(e.describe());
            return e.record();
        } catch (LxcaException e) {
            failures.put(name, e);
            prefixed.warn(FailureMessage.of(e));
            return new ApplyRecord(
                    server,
                    apply.fixId(),
                    ApplyOutcome.REFUSED,
                    e.jobId().orElse(null),
                    List.of(),
                    0,
                    null,
                    null,
                    apply.updateVersion(),
                    null,
                    FailureMessage.headline(e));
        }
    }

    private long millisSince(Instant start) {
        return Duration.between(start, clock.instant()).toMillis();
    }

    /** The import entry of each appliance that was imported into, in the order given. */
    public List<ReportEntry> imports(List<String> names) {
        return names.stream().filter(imports::containsKey).map(imports::get).toList();
    }

    /** The apply records of each appliance that got as far as the apply, in the order given. */
    public List<ApplyRecord> applies(List<String> names) {
        return names.stream()
                .filter(records::containsKey)
                .flatMap(name -> records.get(name).stream())
                .toList();
    }

    /** The failure of each appliance that failed, by name, for the build's message. */
    public Map<String, Exception> failures() {
        return Map.copyOf(failures);
    }
}
