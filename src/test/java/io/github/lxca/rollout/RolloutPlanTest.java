package io.github.lxca.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The canary, then waves of parallelism, in the order of the entries; and the refusals of a bad canary. */
class RolloutPlanTest {
    private static final List<String> TEN = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    @Test
    void firstIsTheCanaryThenWavesOfParallelism() {
        RolloutPlan plan = RolloutPlan.of(TEN, "1", 3);
        assertEquals(
                List.of(List.of("a"), List.of("b", "c", "d"), List.of("e", "f", "g"), List.of("h", "i", "j")),
                plan.stages());
        assertEquals(List.of("canary", "wave 1", "wave 2", "wave 3"), plan.labels());
        assertEquals(3, plan.waves());
        assertEquals("wave 2", plan.stageOf("f"));
        assertEquals("  canary: a\n  wave 1: b, c, d\n  wave 2: e, f, g\n  wave 3: h, i, j", plan.describe());
    }

    @Test
    void namedCanariesComeFirstAndLeaveTheWaves() {
        RolloutPlan plan = RolloutPlan.of(TEN, "j, c", 4);
        assertEquals(
                List.of(List.of("j", "c"), List.of("a", "b", "d", "e"), List.of("f", "g", "h", "i")), plan.stages());
    }

    @Test
    void noCanaryIsOnlyWaves() {
        RolloutPlan plan = RolloutPlan.of(List.of("a", "b", "c"), "0", 2);
        assertEquals(List.of(List.of("a", "b"), List.of("c")), plan.stages());
        assertEquals(List.of("wave 1", "wave 2"), plan.labels());
    }

    @Test
    void anUnknownCanaryOrTooManyAreRefusedNamingTheEntries() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> RolloutPlan.of(List.of("a", "b"), "c", 2));
        assertEquals("lxca.canary names 'c', which is no <server> entry; the entries are a, b", unknown.getMessage());
        IllegalArgumentException tooMany =
                assertThrows(IllegalArgumentException.class, () -> RolloutPlan.of(List.of("a", "b"), "3", 2));
        assertEquals("lxca.canary is 3, but <servers> lists only 2 LXCAs", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RolloutPlan.of(List.of("a"), "1", 0));
    }
}
