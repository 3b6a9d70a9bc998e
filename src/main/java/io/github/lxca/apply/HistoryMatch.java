package io.github.lxca.apply;

import io.github.lxca.client.UpdateHistoryEntry;
import java.util.List;
import java.util.Optional;

/**
 * Finds an update's entries in LXCA's update history. Lenovo's documented entry has no fix id: an entry belongs to
 * the update when its {@code fileName} is the fix id or the fix id plus an extension (or its undocumented
 * {@code fixid} is the fix id); where no entry names the update so, an entry whose {@code version} is the update's
 * version, unless it records the appliance's installation ({@code flavor} {@code base install}: no update was
 * applied then). Both rules are inferred: no published reply shows what LXCA puts in {@code fileName}.
 */
final class HistoryMatch {
    private HistoryMatch() {}

    /** The last entry that belongs to the update, among {@code entries} in LXCA's order. */
    static Optional<UpdateHistoryEntry> last(List<UpdateHistoryEntry> entries, String fixId, String version) {
        List<UpdateHistoryEntry> named =
                entries.stream().filter(entry -> entry.names(fixId)).toList();
        List<UpdateHistoryEntry> mine = !named.isEmpty()
                ? named
                : entries.stream()
                        .filter(entry -> !entry.baseInstall()
                                && entry.version() != null
                                && VersionComparison.same(entry.version(), version))
                        .toList();
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }
}
