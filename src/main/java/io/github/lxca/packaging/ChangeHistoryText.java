package io.github.lxca.packaging;

import java.time.LocalDate;
import java.util.List;

/** The {@code .chg} text written when the project supplies no change history file. */
public final class ChangeHistoryText {
    private ChangeHistoryText() {}

    public static String generate(String component, String version, LocalDate releaseDate, List<String> changes) {
        StringBuilder text = new StringBuilder()
                .append("Change history for ")
                .append(component)
                .append('\n')
                .append('\n')
                .append("Version ")
                .append(version)
                .append(" (released ")
                .append(releaseDate)
                .append(")\n");
        List<String> listed = changes.stream()
                .map(String::strip)
                .filter(change -> !change.isEmpty())
                .toList();
        if (listed.isEmpty()) {
            text.append("  - No changes listed.\n");
        }
        listed.forEach(change -> text.append("  - ")
                .append(change.replaceAll("\\s*\\R\\s*", " "))
                .append('\n'));
        return text.toString();
    }
}
