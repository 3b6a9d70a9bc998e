package io.github.lxca.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules of the packaging values that the mutation run found unpinned. */
class PackagingValuesTest {
    @Test
    void blankEntriesOfTheDescriptorListsAreDropped() {
        DescriptorSettings settings =
                new DescriptorSettings(null, null, null, false, List.of(" ", " base "), List.of("", "SR650 [7X06]"));

        assertEquals(List.of("base"), settings.preReqs());
        assertEquals(List.of("SR650 [7X06]"), settings.machineTypes());
    }

    @Test
    void blankChangesAreNotListed() {
        assertEquals(
                "Change history for agent\n\nVersion 2.3.1 (released 2026-11-26)\n  - Faster.\n",
                ChangeHistoryText.generate("agent", "2.3.1", LocalDate.parse("2026-11-26"), List.of("  ", "Faster.")));
        assertEquals(
                "Change history for agent\n\nVersion 2.3.1 (released 2026-11-26)\n  - No changes listed.\n",
                ChangeHistoryText.generate("agent", "2.3.1", LocalDate.parse("2026-11-26"), List.of(" ")));
    }

    @Test
    void anUnsafeFixIdSaysWhereItCameFrom() {
        PackagingException built =
                assertThrows(PackagingException.class, () -> FixIdResolver.resolve("  ", "my agent", "2.3.1", false));
        PackagingException configured =
                assertThrows(PackagingException.class, () -> FixIdResolver.resolve("../x", "agent", "2.3.1", false));

        assertEquals(
                "Cannot package the update: 'lnvgy_sw_lxca_my agent-2.3.1_anyos_noarch' is not a safe fix id: "
                        + RULE + " (built from lxca.component 'my agent' and lxca.version '2.3.1')\nWhat to do: set"
                        + " lxca.fixId to choose another, or change lxca.component",
                built.getMessage());
        assertEquals(
                "Cannot package the update: '../x' is not a safe fix id: " + RULE
                        + " (lxca.fixId)\nWhat to do: correct lxca.fixId",
                configured.getMessage());
    }

    private static final String RULE = ruleText();

    /** The rule's words as {@link io.github.lxca.update.FixId} says them. */
    private static String ruleText() {
        String problem = io.github.lxca.update.FixId.problemWith("../x").orElseThrow();
        return problem.substring(problem.indexOf(": ") + 2);
    }
}
