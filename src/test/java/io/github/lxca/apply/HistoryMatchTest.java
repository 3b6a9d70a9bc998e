package io.github.lxca.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lxca.client.UpdateHistoryEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryMatchTest {
    private static final String FIX = "lnvgy_sw_lxca_agent-2.0.0_anyos_noarch";

    private static UpdateHistoryEntry documented(String fileName, String version, String flavor, String applied) {
        return new UpdateHistoryEntry(null, fileName, version, flavor, applied, null, List.of());
    }

    @Test
    void anEntryWhoseFileNameIsTheFixIdOrStartsWithItBelongsToTheUpdate() {
        UpdateHistoryEntry bare = documented(FIX, "2.0.0", null, "d1");
        UpdateHistoryEntry withExtension = documented(FIX + ".tgz", "2.0.0", null, "d2");

        assertEquals(Optional.of(bare), HistoryMatch.last(List.of(bare), FIX, "2.0.0"));
        assertEquals(Optional.of(withExtension), HistoryMatch.last(List.of(bare, withExtension), FIX, "2.0.0"));
    }

    @Test
    void anEntryNamingTheFileWinsOverOneOfTheSameVersion() {
        UpdateHistoryEntry named = documented(FIX + ".tgz", "2.0.0", null, "d1");
        UpdateHistoryEntry other = documented("lnvgy_sw_lxca_other-2.0.0_anyos_noarch.tgz", "2.0.0", null, "d2");

        assertEquals(Optional.of(named), HistoryMatch.last(List.of(named, other), FIX, "2.0.0"));
    }

    @Test
    void whereNoEntryNamesTheFileAnEntryOfTheUpdatesVersionBelongsToIt() {
        UpdateHistoryEntry byVersion = documented(null, "2.0", null, "d1");
        UpdateHistoryEntry older = documented(null, "1.0.0", null, "d0");

        assertEquals(Optional.of(byVersion), HistoryMatch.last(List.of(older, byVersion), FIX, "2.0.0"));
        assertEquals(Optional.empty(), HistoryMatch.last(List.of(older), FIX, "2.0.0"));
    }

    @Test
    void theBaseInstallOfTheSameVersionIsNoApplyOfTheUpdate() {
        UpdateHistoryEntry base = documented(null, "2.0.0", "base install", "d0");

        assertEquals(Optional.empty(), HistoryMatch.last(List.of(base), FIX, "2.0.0"));
    }

    @Test
    void theUndocumentedFixidIsStillAccepted() {
        UpdateHistoryEntry old = new UpdateHistoryEntry(FIX, "d1", null, List.of("Applied"));

        assertEquals(Optional.of(old), HistoryMatch.last(List.of(old), FIX, "9.9.9"));
    }
}
