package io.github.lxca.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.Sleeper;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole apply against the simulator's appliance, which really goes away (its port refuses connections) and comes
 * back. The appliance and the applier share a test clock: the applier's sleeper moves it and lets the appliance catch
 * up, so that no test waits for the restart.
 */
class UpdateApplierTest {
    private static final String FIX = "lnvgy_sw_lxca_agent-2.0.0_anyos_noarch";
    private static final ApplyTiming FAST = new ApplyTiming(
            Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(500));

    /** What the follower sees of the restart, in order, each state once in a row. */
    private static final List<String> STATES_SEEN =
            List.of("Running", "unreachable", "session ended", "back", "job forgotten", "applied");

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock();

    private LxcaSimulator simulator() throws Exception {
        LxcaSimulator simulator = LxcaSimulator.builder()
                .workDirectory(directory)
                .applianceClock(clock)
                .applyTimings(Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofMillis(800))
                .start();
        simulator.addUser("admin", "pw");
        for (Fault fault : List.of(
                Fault.APPLY_INSTALLATION_FAILS,
                Fault.APPLY_VERSION_UNCHANGED,
                Fault.APPLY_NEVER_COMES_BACK,
                Fault.APPLY_JOB_FAILS,
                Fault.APPLY_REPLY_LOST,
                Fault.APPLY_HISTORY_UNKNOWN,
                Fault.APPLY_SESSION_ENDED,
                Fault.APPLY_HISTORY_FIXID,
                Fault.APPLY_HISTORY_VERSION_ONLY)) {
            simulator.addUser(fault.userName(), "pw", fault);
        }
        simulator.preload(FIX);
        return simulator;
    }

    private ApplyRecord apply(
            LxcaSimulator simulator, String user, String version, ApplyTiming timing, RecordingLog log)
            throws Exception {
        return apply(simulator, user, version, timing, log, false);
    }

    private ApplyRecord apply(
            LxcaSimulator simulator, String user, String version, ApplyTiming timing, RecordingLog log, boolean dryRun)
            throws Exception {
        ConnectionSettings connection = new ConnectionSettings(
                simulator.url(),
                new Credentials(user, "pw", "test"),
                new TrustSettings(
                        simulator.writeTrustStore(directory.resolve("truststore.p12")), "changeit", null, false, null),
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                0);
        try (LxcaClient client = LxcaClient.open(connection, log)) {
            client.login();
            Sleeper moveTheClock = clock.sleeper();
            Sleeper sleeper = duration -> {
                moveTheClock.sleep(duration);
                simulator.timePassed();
            };
            return new UpdateApplier(clock, sleeper, log)
                    .apply(client, "sim", new ApplyRequest(FIX, version, timing, dryRun));
        }
    }

    @Test
    void appliesRidesOutTheRestartAndProvesTheNewVersion() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            RecordingLog log = new RecordingLog();

            ApplyRecord done = apply(simulator, "admin", "2.0.0", FAST, log);

            assertEquals(ApplyOutcome.APPLIED, done.outcome());
            assertEquals("1.0.0", done.versionBefore());
            assertEquals("2.0.0", done.versionAfter());
            assertEquals("2.0.0", simulator.applianceVersion());
            assertTrue(done.unreachableSeconds() >= 1, "unreachable " + done.unreachableSeconds());
            assertTrue(
                    done.statesSeen()
                            .containsAll(
                                    List.of("Running", "unreachable", "session ended", "job forgotten", "applied")),
                    done.statesSeen().toString());
            assertEquals(
                    1,
                    simulator.events().stream()
                            .filter(e -> e.startsWith("apply "))
                            .count(),
                    "the PUT is sent once");
            assertEquals(
                    List.of("login admin", "login admin"),
                    simulator.events().stream()
                            .filter(e -> e.startsWith("login"))
                            .toList(),
                    "after the restart it logs in as a new client, without the old session's cookie or CSRF token");
            long refusedLines = log.lines().stream()
                    .filter(l -> l.contains("connection refused"))
                    .count();
            assertEquals(1, refusedLines, "one line for the whole outage, not one per retry: " + log.text());
            assertEquals(
                    List.of(),
                    log.lines().stream()
                            .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR"))
                            .toList(),
                    "a successful apply warns of nothing");
            assertEquals(STATES_SEEN, done.statesSeen());
            List<String> lines = log.lines();
            assertTrue(lines.contains("INFO Applying " + FIX + " to sim (version 1.0.0 -> 2.0.0)"), log.text());
            assertTrue(lines.contains("INFO LXCA started apply job " + done.jobId()), log.text());
            assertTrue(lines.contains("INFO LXCA runs version 2.0.0"), log.text());
            assertTrue(
                    lines.contains("INFO Applied " + FIX + " to sim: version 1.0.0 -> 2.0.0, unreachable for "
                            + done.unreachableSeconds() + " s while it restarted"),
                    log.text());
        }
    }

    @Test
    void aLostReplyToTheApplyIsNotSentAgainButFollowedByVersion() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            RecordingLog log = new RecordingLog();

            ApplyRecord done = apply(simulator, "apply-reply-lost", "2.0.0", FAST, log);

            assertEquals(ApplyOutcome.APPLIED, done.outcome());
            assertEquals(null, done.jobId());
            assertEquals(
                    1,
                    simulator.events().stream()
                            .filter(e -> e.startsWith("apply "))
                            .count(),
                    "the PUT is sent once");
            assertTrue(log.text().contains("WARN The reply to the apply was lost ("), log.text());
        }
    }

    @Test
    void anUpdateThatIsNotNewerIsRefusedBeforeAnythingIsSent() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class, () -> apply(simulator, "admin", "1.0.0", FAST, new RecordingLog()));

            assertEquals(ApplyOutcome.NOT_NEWER, e.outcome());
            assertEquals(
                    "Refusing to apply " + FIX + ": its version 1.0.0 is not newer than version 1.0.0 that sim runs,"
                            + " and LXCA's update history does not record " + FIX + " applied",
                    e.getMessage());
            assertTrue(
                    simulator.events().stream().noneMatch(ev -> ev.startsWith("apply ")),
                    simulator.events().toString());
        }
    }

    @Test
    void anOlderUpdateIsRefusedBeforeAnythingIsSent() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class, () -> apply(simulator, "admin", "0.9.0", FAST, new RecordingLog()));

            assertEquals(ApplyOutcome.NOT_NEWER, e.outcome());
            assertEquals(
                    "Refusing to apply " + FIX + ": its version 0.9.0 is not newer than version 1.0.0 that sim runs",
                    e.getMessage());
            assertEquals(List.of(), applies(simulator));
        }
    }

    @Test
    void aReRunAfterAGreenApplySendsNothingAndSucceeds() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            apply(simulator, "admin", "2.0.0", FAST, new RecordingLog());
            RecordingLog dryRun = new RecordingLog();
            RecordingLog again = new RecordingLog();

            ApplyRecord rehearsed = apply(simulator, "admin", "2.0.0", FAST, dryRun, true);
            ApplyRecord done = apply(simulator, "admin", "2.0.0", FAST, again);

            assertEquals(ApplyOutcome.DRY_RUN, rehearsed.outcome());
            assertTrue(
                    dryRun.text()
                            .contains("INFO Dry run: would apply " + FIX + " (version 2.0.0) to sim, which runs version"
                                    + " 2.0.0: LXCA already runs it (its version is the update's, and its update"
                                    + " history records the apply); nothing would be sent"),
                    dryRun.text());
            assertEquals(ApplyOutcome.ALREADY_APPLIED, done.outcome());
            assertEquals("history", done.proof());
            assertEquals("2.0.0", done.versionBefore());
            assertEquals("2.0.0", done.versionAfter());
            assertEquals(null, done.jobId());
            assertTrue(
                    again.lines()
                            .contains("INFO sim already runs " + FIX + " (its version is the update's, and its update"
                                    + " history records the apply): nothing to apply, nothing was sent"),
                    again.text());
            assertEquals(1, applies(simulator).size(), "the PUT is sent by the first run only: " + simulator.events());
        }
    }

    @Test
    void theRunningVersionAloneSufficesWhereTheHistoryCannotBeRead() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            RecordingLog log = new RecordingLog();

            ApplyRecord done = apply(simulator, "apply-history-unknown", "1.0.0", FAST, log);

            assertEquals(ApplyOutcome.ALREADY_APPLIED, done.outcome());
            assertEquals("currentVersion", done.proof());
            assertTrue(
                    log.lines()
                            .contains("INFO sim already runs " + FIX + " (its version is the update's; its update"
                                    + " history cannot be read): nothing to apply, nothing was sent"),
                    log.text());
            assertEquals(List.of(), applies(simulator));
        }
    }

    @Test
    void theSameVersionAfterAFailedInstallationIsNoProofAndIsRefused() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-installation-fails", "2.0.0", FAST, new RecordingLog()));

            // LXCA still runs 1.0.0; its history's last entry for the fix id has an installationFailedDate
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-installation-fails", "1.0.0", FAST, new RecordingLog()));

            assertEquals(ApplyOutcome.NOT_NEWER, e.outcome());
            assertEquals(
                    "Refusing to apply " + FIX + ": its version 1.0.0 is not newer than version 1.0.0 that sim runs,"
                            + " and LXCA's update history does not record " + FIX + " applied",
                    e.getMessage());
            assertEquals(1, applies(simulator).size(), simulator.events().toString());
        }
    }

    @Test
    void anApplyAnsweredWith401IsNotSentAgainAfterLoggingIn() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-session-ended", "2.0.0", FAST, new RecordingLog()));

            assertEquals(ApplyOutcome.REFUSED, e.outcome());
            assertEquals(
                    "LXCA answered the apply of " + FIX + " with HTTP 401: it no longer knows the session; the apply is"
                            + " not sent again",
                    e.getMessage());
            assertTrue(e.describe().contains("What to do: nothing was applied"), e.describe());
            assertEquals(
                    1,
                    simulator.events().stream()
                            .filter(ev -> ev.startsWith("apply-unauthorized "))
                            .count(),
                    simulator.events().toString());
        }
    }

    @Test
    void anApplyAfterAFailedOneIsNotFailedByTheEarlierHistoryEntry() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-installation-fails", "2.0.0", FAST, new RecordingLog()));

            // the lost reply makes the follower read version and history at once, before this apply restarts LXCA
            ApplyRecord done = apply(simulator, "apply-reply-lost", "2.0.0", FAST, new RecordingLog());

            assertEquals(ApplyOutcome.APPLIED, done.outcome());
            assertEquals("2.0.0", simulator.applianceVersion());
        }
    }

    private static List<String> applies(LxcaSimulator simulator) {
        return simulator.events().stream().filter(e -> e.startsWith("apply ")).toList();
    }

    @Test
    void aFailedInstallationFailsWithTheHistorysWords() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-installation-fails", "2.0.0", FAST, new RecordingLog()));

            assertEquals(ApplyOutcome.INSTALLATION_FAILED, e.outcome());
            // the documented entry: fileName <fixid>.tgz, installationFailedDate, detailInfo and description
            assertTrue(
                    e.getMessage()
                            .matches("\\QLXCA's update history says the installation of " + FIX + " failed on \\E\\S+"
                                    + "\\Q: FQXHMUP4105L: The management server update failed: the database migration did"
                                    + " not complete.; Lenovo XClarity Administrator 2.0.0 update\\E"),
                    e.getMessage());
        }
    }

    @Test
    void aReRunIsProvenByTheOldFixidShapeOfTheHistoryToo() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            apply(simulator, "apply-history-fixid", "2.0.0", FAST, new RecordingLog());

            ApplyRecord again = apply(simulator, "apply-history-fixid", "2.0.0", FAST, new RecordingLog());

            assertEquals(ApplyOutcome.ALREADY_APPLIED, again.outcome());
            assertEquals("history", again.proof());
            assertEquals(1, applies(simulator).size(), simulator.events().toString());
        }
    }

    @Test
    void aHistoryEntryThatNamesNoFileBelongsToTheUpdateOfItsVersion() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            apply(simulator, "apply-history-version-only", "2.0.0", FAST, new RecordingLog());
            RecordingLog log = new RecordingLog();

            ApplyRecord again = apply(simulator, "apply-history-version-only", "2.0.0", FAST, log);

            assertEquals(ApplyOutcome.ALREADY_APPLIED, again.outcome());
            assertEquals("history", again.proof());
            assertEquals(1, applies(simulator).size(), simulator.events().toString());
        }
    }

    @Test
    void aFailedApplyJobFailsWithItsMessageAndWithoutARestart() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-job-fails", "2.0.0", FAST, new RecordingLog()));

            assertEquals(ApplyOutcome.JOB_FAILED, e.outcome());
            assertTrue(e.describe().contains("ended 'Stopped_With_Error'"), e.describe());
            assertTrue(e.describe().contains("FQXHMUP4110L"), e.describe());
            assertEquals(
                    List.of(),
                    e.record().statesSeen().stream()
                            .filter("unreachable"::equals)
                            .toList());
        }
    }

    @Test
    void aVersionThatDoesNotChangeFails() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-version-unchanged", "2.0.0", FAST, new RecordingLog()));

            assertEquals(ApplyOutcome.VERSION_UNCHANGED, e.outcome());
        }
    }

    @Test
    void anApplianceThatNeverComesBackFailsAtTheTimeout() throws Exception {
        try (LxcaSimulator simulator = simulator()) {
            ApplyTiming fiveSeconds = new ApplyTiming(
                    Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(800));
            LxcaApplyException e = assertThrows(
                    LxcaApplyException.class,
                    () -> apply(simulator, "apply-never-comes-back", "2.0.0", fiveSeconds, new RecordingLog()));

            assertEquals(ApplyOutcome.NEVER_CAME_BACK, e.outcome());
            assertTrue(
                    e.getMessage()
                            .startsWith("LXCA did not come back within 5 s of applying " + FIX
                                    + ": unreachable for the last"),
                    e.getMessage());
        }
    }
}
