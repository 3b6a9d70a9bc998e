package io.github.lxca.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rollout as people read it: one table for the log, and the same as Markdown for a CI's job summary (GitHub's
 * {@code GITHUB_STEP_SUMMARY}) or a {@code summaryFile}.
 */
public final class RolloutSummary {
    private static final String[] HEADER = {
        "LXCA", "stage", "import", "apply", "version before", "version after", "restart window", "time"
    };

    private RolloutSummary() {}

    /** The table for the log, one row per appliance, columns aligned. */
    public static String table(List<ApplianceRow> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(cells(row)));
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append("  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line[i]));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /**
     * The Markdown summary: a heading with the outcome, what was rolled out and how, the table, then the failures
     * and why the rest was not started.
     */
    public static String markdown(
            List<String> fixIds, RolloutPlan plan, int maxFailures, Rollout.Result result, boolean dryRun) {
        List<ApplianceRow> rows = result.rows();
        long updated = rows.stream()
                .filter(row -> "APPLIED".equals(row.applyOutcome()) || "ALREADY_APPLIED".equals(row.applyOutcome()))
                .count();
        String outcome = dryRun
                ? "dry run, nothing changed"
                : result.halted() ? "halted" : result.failures().isEmpty() ? "complete" : "complete with failures";
        StringBuilder out = new StringBuilder();
        out.append("### LXCA rollout: ").append(outcome).append("\n\n");
        out.append("Update ")
                .append(fixIds.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", ")))
                .append(" to ")
                .append(rows.size())
                .append(" LXCAs: ")
                .append(plan.labels().contains("canary") ? plan.stages().get(0).size() + " canary, " : "")
                .append(plan.waves())
                .append(" waves, maxFailures ")
                .append(maxFailures)
                .append(". ")
                .append(updated)
                .append(" run the update, ")
                .append(result.failures().size())
                .append(" failed, ")
                .append(rows.stream().filter(ApplianceRow::notStarted).count())
                .append(" not started.\n\n");
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|").append("---|".repeat(HEADER.length)).append('\n');
        for (ApplianceRow row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].replace("|", "\\|");
            }
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        List<ApplianceRow> failed = result.failures();
        if (!failed.isEmpty()) {
            out.append("\n**Failed**\n\n");
            failed.forEach(row -> out.append("- ")
                    .append(row.name())
                    .append(": ")
                    .append(oneLine(row.error()))
                    .append('\n'));
        }
        if (result.halted()) {
            List<String> notStarted = rows.stream()
                    .filter(ApplianceRow::notStarted)
                    .map(ApplianceRow::name)
                    .toList();
            out.append("\n**Not started** (")
                    .append(notStarted.size())
                    .append("): ")
                    .append(String.join(", ", notStarted))
                    .append(": ")
                    .append(result.halt())
                    .append(".\n");
        }
        return out.toString();
    }

    private static String[] cells(ApplianceRow row) {
        return new String[] {
            row.name(),
            row.stage(),
            row.importOutcome() == null
                    ? "-"
                    : row.importOutcome() + (row.importJob() == null ? "" : " (job " + row.importJob() + ")"),
            row.applyOutcome() == null ? "-" : row.applyOutcome(),
            orDash(row.versionBefore()),
            orDash(row.versionAfter()),
            row.restartSeconds() == null || row.restartSeconds() == 0 ? "-" : row.restartSeconds() + " s",
            row.durationMillis() == null ? "-" : String.format(Locale.ROOT, "%.1f s", row.durationMillis() / 1000.0)
        };
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String oneLine(String text) {
        return text == null
                ? "(no message)"
                : text.lines().findFirst().orElse("").replace("|", "\\|");
    }
}
