package io.github.lxca.rollout;

import io.github.lxca.client.LxcaLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a staged rollout: the canary first, then one wave after the other, the appliances of a stage at the same
 * time. After each stage it counts the failures: a failed canary, or more failures than {@code maxFailures} in all,
 * halts the rollout, and every appliance of the later stages is reported as not started, saying why. A dry run
 * goes through every stage and halts nowhere, since it changes nothing.
 */
public final class Rollout {

    /** Imports into and applies to one appliance; returns its row whatever happened. */
    @FunctionalInterface
    public interface Step {
        ApplianceRow run(String name, String stage) throws InterruptedException;
    }

    /**
     * @param rows one per appliance, in the order of {@code <servers>}
     * @param halt why the rollout halted, or null when it went through every stage
     */
    public record Result(List<ApplianceRow> rows, String halt) {
        public Result {
            rows = List.copyOf(rows);
        }

        public boolean halted() {
            return halt != null;
        }

        public List<ApplianceRow> failures() {
            return rows.stream().filter(ApplianceRow::failed).toList();
        }
    }

    private final LxcaLog log;

    public Rollout(LxcaLog log) {
        this.log = log;
    }

    /**
     * @param servers every appliance's name and URL, in the order of {@code <servers>}
     */
    public Result run(RolloutPlan plan, Map<String, String> servers, Step step, int maxFailures, boolean dryRun)
            throws InterruptedException {
        Map<String, ApplianceRow> rows = new LinkedHashMap<>();
        int widest = plan.stages().stream().mapToInt(List::size).max().orElse(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, widest));
        String halt = null;
        try {
            for (int index = 0; index < plan.stages().size(); index++) {
                List<String> stage = plan.stages().get(index);
                String label = plan.labels().get(index);
                if (halt != null) {
                    for (String name : stage) {
                        rows.put(name, ApplianceRow.notStarted(name, servers.get(name), label, halt));
                    }
                    continue;
                }
                log.info("Rollout " + label + ": " + String.join(", ", stage));
                List<Future<ApplianceRow>> running = new ArrayList<>();
                for (String name : stage) {
                    running.add(pool.submit(() -> step.run(name, label)));
                }
                long failedHere = 0;
                for (Future<ApplianceRow> future : running) {
                    ApplianceRow row = result(future);
                    rows.put(row.name(), row);
                    failedHere += row.failed() ? 1 : 0;
                }
                long failed =
                        rows.values().stream().filter(ApplianceRow::failed).count();
                if (dryRun) {
                    continue;
                }
                if (label.equals("canary") && failedHere > 0) {
                    halt = "the rollout halted after the canary, which failed on " + failedHere + " of " + stage.size()
                            + " LXCAs";
                } else if (failed > maxFailures) {
                    halt = "the rollout halted after " + label + ": " + failed + " LXCA" + (failed == 1 ? "" : "s")
                            + " failed, more than lxca.maxFailures=" + maxFailures + " allows";
                }
                if (halt != null) {
                    log.warn(halt.substring(0, 1).toUpperCase(Locale.ROOT) + halt.substring(1)
                            + "; the later waves are not started");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<ApplianceRow> ordered = new ArrayList<>();
        servers.keySet().forEach(name -> ordered.add(rows.get(name)));
        return new Result(ordered, halt);
    }

    private static ApplianceRow result(Future<ApplianceRow> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("A rollout thread failed unexpectedly", e.getCause());
        }
    }
}
