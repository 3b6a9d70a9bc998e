package io.github.lxca.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyReportTest {
    @TempDir
    Path dir;

    @Test
    void writesTheApplyWithJobStatesRestartWindowAndVersions() throws Exception {
        ApplyRecord applied = new ApplyRecord(
                "https://lxca",
                "fix",
                ApplyOutcome.APPLIED,
                "7",
                List.of("Running", "unreachable", "back", "applied"),
                12,
                "1.0.0",
                "2.0.0",
                "2.0.0",
                "currentVersion",
                null);
        Path file = dir.resolve("lxca/apply-report.json");

        ApplyReport.of(List.of(applied)).write(file);

        JsonNode report = new ObjectMapper().readTree(file.toFile());
        assertEquals("APPLIED", report.path("outcome").asText());
        JsonNode entry = report.path("applies").get(0);
        assertEquals("7", entry.path("jobId").asText());
        assertEquals(12, entry.path("unreachableSeconds").asInt());
        assertEquals("1.0.0", entry.path("versionBefore").asText());
        assertEquals("2.0.0", entry.path("versionAfter").asText());
        assertEquals(
                "[\"Running\",\"unreachable\",\"back\",\"applied\"]",
                entry.path("statesSeen").toString());
    }

    @Test
    void aFailedApplyMakesTheWholeReportFail() {
        ApplyRecord failed = new ApplyRecord(
                "s", "fix", ApplyOutcome.INSTALLATION_FAILED, "7", List.of(), 3, "1", "1", "2", null, "boom");
        assertEquals(
                ApplyOutcome.INSTALLATION_FAILED,
                ApplyReport.of(List.of(failed)).outcome());
    }

    @Test
    void anUpdateAlreadyAppliedIsNoFailureOfTheReport() {
        ApplyRecord applied =
                new ApplyRecord("a", "fix", ApplyOutcome.APPLIED, "7", List.of(), 3, "1", "2", "2", "history", null);
        ApplyRecord already = new ApplyRecord(
                "b", "fix", ApplyOutcome.ALREADY_APPLIED, null, List.of(), 0, "2", "2", "2", "history", null);
        assertEquals(
                ApplyOutcome.APPLIED, ApplyReport.of(List.of(applied, already)).outcome());
    }
}
