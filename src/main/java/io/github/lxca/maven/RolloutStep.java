package io.github.lxca.maven;

import io.github.lxca.apply.ApplyOutcome;
import io.github.lxca.apply.ApplyRecord;
import io.github.lxca.apply.ApplyReport;
import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.client.Sleeper;
import io.github.lxca.importer.ImportReport;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.UpdateImporter;
import io.github.lxca.rollout.ApplianceRow;
import io.github.lxca.rollout.ImportThenApply;
import io.github.lxca.rollout.Rollout;
import io.github.lxca.rollout.RolloutPlan;
import io.github.lxca.rollout.RolloutReport;
import io.github.lxca.rollout.RolloutSummary;
import io.github.lxca.update.UpdateSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code import-update -Dlxca.apply=true} with {@code <servers>}: the staged rollout. Plans the canary and the
 * waves, runs them ({@link Rollout}, each appliance imported into and then applied to), writes the three JSON
 * reports and the Markdown summary, logs the table, and fails the build with one message when an appliance failed
 * or the rollout halted.
 */
final class RolloutStep {
    /** The environment variable GitHub Actions sets to the file whose Markdown it shows as the job's summary. */
    static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /** Where the reports and the summary go. */
    record Outputs(Path importReport, Path applyReport, Path rolloutReport, Path summaryFile) {}

    private final Outputs outputs;
    private final UnaryOperator<String> environment;
    private final Log log;

    RolloutStep(Outputs outputs, UnaryOperator<String> environment, Log log) {
        this.outputs = outputs;
        this.environment = environment;
        this.log = log;
    }

    /** The plan, checked before anything is sent. */
    static RolloutPlan plan(List<ImportRequest> requests, String canary, int parallelism)
            throws PluginConfigurationException {
        try {
            return RolloutPlan.of(requests.stream().map(ImportRequest::name).toList(), canary, parallelism);
        } catch (IllegalArgumentException e) {
            throw new PluginConfigurationException(
                    e.getMessage(),
                    "set lxca.canary to a number of LXCAs (" + LxcaProperties.CANARY_DEFAULT
                            + " by default, 0 for none) or to names of <server>"
                            + " entries, comma-separated, and lxca.parallelism to 1 or more");
        }
    }

    void run(
            List<UpdateSet> sets,
            List<ImportRequest> requests,
            ApplyParameters parameters,
            RolloutPlan plan,
            int maxFailures)
            throws MojoFailureException, InterruptedException {
        boolean dryRun = parameters.dryRun();
        List<ApplyRequest> applies = new ArrayList<>();
        for (UpdateSet set : sets) {
            applies.add(parameters.request(set.fixId()));
        }
        List<String> fixIds = sets.stream().map(UpdateSet::fixId).toList();
        Map<String, ImportRequest> byName = new LinkedHashMap<>();
        Map<String, String> servers = new LinkedHashMap<>();
        for (ImportRequest request : requests) {
            byName.put(request.name(), request);
            servers.put(request.name(), request.connection().baseUri().toString());
        }
        log.info((dryRun
                        ? "Dry run: the rollout would go"
                        : "Rolling out " + String.join(", ", fixIds) + " to " + requests.size() + " LXCAs")
                + " in this order (lxca.canary, then waves of lxca.parallelism;"
                + " halting when more than lxca.maxFailures=" + maxFailures + " fail):\n" + plan.describe());
        MavenImportLog lxcaLog = new MavenImportLog(log);
        ImportThenApply step = new ImportThenApply(
                sets, byName, applies, UpdateImporter::standard, lxcaLog, Clock.systemUTC(), Sleeper.REAL);
        Rollout.Result result = new Rollout(lxcaLog).run(plan, servers, step, maxFailures, dryRun);
        List<String> names = List.copyOf(servers.keySet());
        writeReports(fixIds, plan, maxFailures, result, dryRun, step, names);
        String table = RolloutSummary.table(result.rows());
        List<ApplianceRow> failed = result.failures();
        if (failed.isEmpty() && !result.halted()) {
            log.info("LXCA rollout summary:\n" + table);
            return;
        }
        Map<String, Exception> failures = step.failures();
        long notStarted =
                result.rows().stream().filter(ApplianceRow::notStarted).count();
        throw new MojoFailureException((result.halted()
                        ? capitalized(result.halt()) + "; " + notStarted + " LXCA"
                                + (notStarted == 1 ? " was" : "s were") + " not started:\n"
                        : "The rollout failed on " + failed.size() + " of "
                                + result.rows().size() + " LXCAs (within lxca.maxFailures=" + maxFailures + "):\n")
                + table + "\n"
                + failed.stream()
                        .map(row -> "[" + row.name() + "] " + describe(row.name(), failures.get(row.name()), row))
                        .collect(Collectors.joining("\n"))
                + "\nTo resume: once that is corrected, run the same build again:"
                + " LXCAs that already run the update are left alone (ALREADY_APPLIED), the rest continue"
                + " (with lxca.onExisting=skip, updates already imported are not imported again)");
    }

    private String describe(String name, Exception failure, ApplianceRow row) {
        return failure == null ? row.error() : new GoalFailure(log).describeEntry(name, failure);
    }

    private void writeReports(
            List<String> fixIds,
            RolloutPlan plan,
            int maxFailures,
            Rollout.Result result,
            boolean dryRun,
            ImportThenApply step,
            List<String> names) {
        List<ApplyRecord> applies = new ArrayList<>(step.applies(names));
        for (ApplianceRow row : result.rows()) {
            if (row.notStarted()) {
                fixIds.forEach(fixId -> applies.add(new ApplyRecord(
                        row.server(),
                        fixId,
                        ApplyOutcome.NOT_STARTED,
                        null,
                        List.of(),
                        0,
                        null,
                        null,
                        null,
                        null,
                        "not started: " + result.halt())));
            }
        }
        try {
            ImportReport.of(fixIds, step.imports(names)).write(outputs.importReport());
            ApplyReport.of(applies).write(outputs.applyReport());
            RolloutReport.of(fixIds, plan, maxFailures, result, dryRun).write(outputs.rolloutReport());
            log.info("Wrote " + outputs.importReport() + ", " + outputs.applyReport() + " and "
                    + outputs.rolloutReport());
        } catch (IOException e) {
            log.warn("Cannot write the rollout's reports: " + e.getMessage());
        }
        String markdown = RolloutSummary.markdown(fixIds, plan, maxFailures, result, dryRun);
        String github = environment.apply(GITHUB_STEP_SUMMARY);
        if (github != null && !github.isBlank()) {
            write(Path.of(github), markdown, true, "the job summary (" + GITHUB_STEP_SUMMARY + ")");
        }
        if (outputs.summaryFile() != null) {
            write(outputs.summaryFile(), markdown, false, "the summary file (lxca.summaryFile)");
        }
    }

    private void write(Path file, String markdown, boolean append, String what) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (append) {
                Files.writeString(
                        file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, markdown, StandardCharsets.UTF_8);
            }
            log.info("Wrote the rollout's Markdown summary to " + what + ": " + file);
        } catch (IOException e) {
            log.warn("Cannot write the rollout's Markdown summary to " + file + ": " + e.getMessage());
        }
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
