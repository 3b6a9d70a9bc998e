package io.github.lxca.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small rules of the apply that the mutation run found unpinned. */
class ApplyRulesTest {
    private static ApplyRecord record(ApplyOutcome outcome) {
        return new ApplyRecord("s", "fix", outcome, null, List.of(), 0, "1", "1", "2", null, null);
    }

    @Test
    void onlyAnAppliedAnAlreadyAppliedAndADryRunSucceed() {
        Set<ApplyOutcome> succeeding = EnumSet.noneOf(ApplyOutcome.class);
        for (ApplyOutcome outcome : ApplyOutcome.values()) {
            if (outcome.succeeded()) {
                succeeding.add(outcome);
            }
        }

        assertEquals(EnumSet.of(ApplyOutcome.APPLIED, ApplyOutcome.ALREADY_APPLIED, ApplyOutcome.DRY_RUN), succeeding);
    }

    @Test
    void theReportTakesTheFirstFailureWhereverItIs() {
        assertEquals(
                ApplyOutcome.JOB_FAILED,
                ApplyReport.of(List.of(
                                record(ApplyOutcome.APPLIED),
                                record(ApplyOutcome.JOB_FAILED),
                                record(ApplyOutcome.NOT_NEWER)))
                        .outcome());
        assertEquals(
                ApplyOutcome.ALREADY_APPLIED,
                ApplyReport.of(List.of(record(ApplyOutcome.ALREADY_APPLIED), record(ApplyOutcome.APPLIED)))
                        .outcome());
    }

    @Test
    void theDryRunsVerdictSaysWhatWouldStopTheApply() {
        assertEquals("the update is newer, the version check passes", UpdateApplier.verdict(true, true, "2.0", "1.0"));
        assertEquals(
                "the version check would refuse it: 1.0 is not newer than 2.0; the fix id is not in the repository"
                        + " yet (an import must come first)",
                UpdateApplier.verdict(false, false, "1.0", "2.0"));
    }

    @Test
    void aBareVIsAVersionWordNotAPrefix() {
        assertEquals(0, VersionComparison.compare("v", "v"));
        assertEquals(0, VersionComparison.compare("v2.0", "2.0"));
    }

    @Test
    void whole60SecondsAreAMinute() {
        assertEquals("1 min", ApplyFollower.describe(Duration.ofSeconds(60)));
        assertEquals("59 s", ApplyFollower.describe(Duration.ofSeconds(59)));
        assertEquals("90 s", ApplyFollower.describe(Duration.ofSeconds(90)));
    }

    @Test
    void pollIntervalsMayBeEqualButTheLongestNotShorter() {
        ApplyTiming equal = new ApplyTiming(
                Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(5), equal.maxInterval());

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new ApplyTiming(
                        Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(4)));
        assertEquals(
                "Poll intervals must be positive, the first no longer than the longest: PT5S, PT4S", e.getMessage());
    }
}
