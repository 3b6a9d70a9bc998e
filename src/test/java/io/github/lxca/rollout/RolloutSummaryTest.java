package io.github.lxca.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log's table and the Markdown summary that GitHub shows, for a halted rollout and a complete one. */
class RolloutSummaryTest {
    private static final ApplianceRow APPLIED = new ApplianceRow(
            "east",
            "https://east.example",
            "canary",
            "IMPORTED",
            "7",
            "APPLIED",
            "8",
            "1.0.0",
            "2.0.0",
            12L,
            41_300L,
            null);
    private static final ApplianceRow FAILED = new ApplianceRow(
            "lab|1",
            "https://lab.example",
            "wave 1",
            "FAILED",
            "3",
            "NOT_STARTED",
            null,
            null,
            null,
            null,
            2_100L,
            "LXCA refused to upload the update files (job 3): HTTP 409\nWhat to do: ...");
    private static final String HALT =
            "the rollout halted after wave 1: 1 LXCA failed, more than lxca.maxFailures=0 allows";
    private static final ApplianceRow NOT_STARTED =
            ApplianceRow.notStarted("west", "https://west.example", "wave 2", HALT);
    private static final RolloutPlan PLAN = RolloutPlan.of(List.of("east", "lab|1", "west"), "1", 1);

    @Test
    void theMarkdownOfAHaltedRollout() {
        String markdown = RolloutSummary.markdown(
                List.of("lnvgy_sw_lxca_agent-2.0.0_anyos_noarch"),
                PLAN,
                0,
                new Rollout.Result(List.of(APPLIED, FAILED, NOT_STARTED), HALT),
                false);
        assertEquals("""
                ### LXCA rollout: halted

                Update `lnvgy_sw_lxca_agent-2.0.0_anyos_noarch` to 3 LXCAs: 1 canary, 2 waves, maxFailures 0. \
                1 run the update, 1 failed, 1 not started.

                | LXCA | stage | import | apply | version before | version after | restart window | time |
                |---|---|---|---|---|---|---|---|
                | east | canary | IMPORTED (job 7) | APPLIED | 1.0.0 | 2.0.0 | 12 s | 41.3 s |
                | lab\\|1 | wave 1 | FAILED (job 3) | NOT_STARTED | - | - | - | 2.1 s |
                | west | wave 2 | - | NOT_STARTED | - | - | - | - |

                **Failed**

                - lab|1: LXCA refused to upload the update files (job 3): HTTP 409

                **Not started** (1): west: the rollout halted after wave 1: 1 LXCA failed, more than \
                lxca.maxFailures=0 allows.
                """, markdown);
    }

    @Test
    void theMarkdownOfACompleteRolloutHasNoFailuresOrNotStarted() {
        String markdown =
                RolloutSummary.markdown(List.of("a", "b"), PLAN, 1, new Rollout.Result(List.of(APPLIED), null), false);
        assertEquals(
                List.of(
                        "### LXCA rollout: complete",
                        "",
                        "Update `a`, `b` to 1 LXCAs: 1 canary, 2 waves,"
                                + " maxFailures 1. 1 run the update, 0 failed, 0 not started."),
                markdown.lines().limit(3).toList());
        assertEquals(7, markdown.lines().count());
    }

    @Test
    void theLogTableAlignsItsColumns() {
        assertEquals(
                String.join(
                        "\n",
                        "  LXCA   stage   import            apply        version before  version after  restart window  time",
                        "  east   canary  IMPORTED (job 7)  APPLIED      1.0.0           2.0.0          12 s            41.3 s",
                        "  lab|1  wave 1  FAILED (job 3)    NOT_STARTED  -               -              -               2.1 s",
                        "  west   wave 2  -                 NOT_STARTED  -               -              -               -"),
                RolloutSummary.table(List.of(APPLIED, FAILED, NOT_STARTED)));
    }
}
