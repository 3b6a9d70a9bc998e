package io.github.lxca.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.testing.RecordingLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rollout's order and when it halts, with a step that records which appliance it was given and fails the
 * ones named; what one appliance's step does against LXCA is proven by the fleet-rollout IT.
 */
class RolloutTest {
    private static final List<String> TEN = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    private final List<String> started = Collections.synchronizedList(new ArrayList<>());
    private final RecordingLog log = new RecordingLog();

    private Rollout.Step failing(Set<String> failing) {
        return (name, stage) -> {
            started.add(name);
            return failing.contains(name)
                    ? new ApplianceRow(
                            name,
                            url(name),
                            stage,
                            "FAILED",
                            "3",
                            "NOT_STARTED",
                            null,
                            null,
                            null,
                            null,
                            10L,
                            "LXCA refused to upload the update files (job 3): HTTP 409")
                    : new ApplianceRow(
                            name, url(name), stage, "IMPORTED", "3", "APPLIED", "4", "1.0.0", "2.0.0", 4L, 10L, null);
        };
    }

    private static String url(String name) {
        return "https://" + name + ".example";
    }

    private static Map<String, String> servers(List<String> names) {
        Map<String, String> servers = new LinkedHashMap<>();
        names.forEach(name -> servers.put(name, url(name)));
        return servers;
    }

    @Test
    void aFailureInTheSecondWaveHaltsAfterThatWaveAndTheRestIsNotStarted() throws Exception {
        RolloutPlan plan = RolloutPlan.of(TEN, "1", 3);
        Rollout.Result result = new Rollout(log).run(plan, servers(TEN), failing(Set.of("f")), 0, false);

        assertEquals(Set.of("a", "b", "c", "d", "e", "f", "g"), Set.copyOf(started));
        assertEquals("a", started.get(0)); // the canary before any other
        assertTrue(result.halted());
        assertEquals(
                "the rollout halted after wave 2: 1 LXCA failed, more than lxca.maxFailures=0 allows", result.halt());
        assertEquals(TEN, result.rows().stream().map(ApplianceRow::name).toList());
        for (String name : List.of("h", "i", "j")) {
            ApplianceRow row = result.rows().get(TEN.indexOf(name));
            assertTrue(row.notStarted(), name);
            assertEquals("wave 3", row.stage());
            assertEquals(result.halt(), row.error());
        }
        assertEquals(
                List.of("f"), result.failures().stream().map(ApplianceRow::name).toList());
        assertTrue(log.text().contains("WARN The rollout halted after wave 2: 1 LXCA failed"), log.text());
    }

    @Test
    void failuresWithinMaxFailuresGoOnToTheEnd() throws Exception {
        Rollout.Result result =
                new Rollout(log).run(RolloutPlan.of(TEN, "1", 3), servers(TEN), failing(Set.of("c", "f")), 2, false);
        assertFalse(result.halted());
        assertEquals(10, started.size());
        assertEquals(2, result.failures().size());
    }

    @Test
    void aFailedCanaryHaltsWhateverMaxFailuresAllows() throws Exception {
        Rollout.Result result =
                new Rollout(log).run(RolloutPlan.of(TEN, "1", 3), servers(TEN), failing(Set.of("a")), 5, false);
        assertEquals(List.of("a"), started);
        assertEquals("the rollout halted after the canary, which failed on 1 of 1 LXCAs", result.halt());
        assertEquals(9, result.rows().stream().filter(ApplianceRow::notStarted).count());
    }

    @Test
    void aDryRunGoesThroughEveryWave() throws Exception {
        Rollout.Result result =
                new Rollout(log).run(RolloutPlan.of(TEN, "1", 3), servers(TEN), failing(Set.of("a", "b")), 0, true);
        assertFalse(result.halted());
        assertEquals(10, started.size());
    }
}
