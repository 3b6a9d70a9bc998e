package io.github.lxca.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table, one {@link ReportEntry} per row, that ends an import into several LXCAs: host, outcome, job id, time. */
public final class SummaryTable {
    private SummaryTable() {}

    public static String table(List<ReportEntry> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"LXCA", "outcome", "job", "time"});
        for (ReportEntry record : records) {
            rows.add(new String[] {
                record.server(),
                record.outcome().name(),
                record.jobId() == null ? "-" : record.jobId(),
                String.format(Locale.ROOT, "%.1f s", record.durationMillis() / 1000.0)
            });
        }
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %" + widths[3] + "s%n",
                    (Object[]) row));
        }
        return out.toString().stripTrailing();
    }
}
