package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaCertificateException;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaFailureException;
import io.github.lxca.client.LxcaFailureException.Kind;
import io.github.lxca.client.LxcaProtocolException;
import io.github.lxca.client.LxcaRejectedException;
import io.github.lxca.client.LxcaTaskFailedException;
import io.github.lxca.client.LxcaTaskTimeoutException;
import io.github.lxca.client.ProxySettings;
import io.github.lxca.client.RetryPolicy;
import io.github.lxca.client.Sleeper;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.simulator.SelfSignedCertificate;
import io.github.lxca.simulator.TunnelingProxy;
import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.SampleUpdateSets;
import io.github.lxca.testing.TestClock;
import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.InvalidUpdateSetException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole import, end to end over HTTPS, against the LXCA simulator. */
class UpdateImporterTest {
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static LxcaSimulator simulator;
    private static Path trustStore;

    @TempDir
    Path work;

    private final TestClock clock = new TestClock();
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void startSimulator(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder()
                .repositoryDirectory(directory.resolve("repository"))
                .workDirectory(directory)
                .start();
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        simulator.close();
    }

    /** A fresh user with the given faults, so that tests do not see each other's jobs. */
    private static String user(Fault... faults) {
        String name = "user" + NEXT.incrementAndGet();
        simulator.addUser(name, PASSWORD, faults);
        return name;
    }

    private static String fixId() {
        return "lnvgy_sw_lxca_test" + NEXT.incrementAndGet() + "-1.0.0_anyos_noarch";
    }

    private static TrustSettings trusted() {
        return new TrustSettings(trustStore, "changeit", null, false, null);
    }

    private ImportRequest request(String user, TrustSettings trust, URI url) {
        return request(new Credentials(user, PASSWORD, "the test"), trust, url, null);
    }

    private ImportRequest request(Credentials credentials, TrustSettings trust, URI url, ProxySettings proxy) {
        ConnectionSettings connection = new ConnectionSettings(
                url, credentials, trust, proxy, Duration.ofSeconds(5), Duration.ofSeconds(30), 3);
        return new ImportRequest(
                connection, work.resolve("sets"), Duration.ofSeconds(5), Duration.ofMinutes(2), OnExisting.FAIL, false);
    }

    private ImportResult importAs(String user) throws Exception {
        return importFolder(request(user, trusted(), simulator.url()));
    }

    /** Checks and imports the request's folder, as {@link ImportCoordinator} does for the goal. */
    private ImportResult importFolder(ImportRequest request) throws Exception {
        UpdateImporter importer = importer();
        return importer.importSets(
                importer.check(request.updateDirectory(), CheckedPayloads.NONE), request, new JobProgress());
    }

    private UpdateImporter importer() {
        return new UpdateImporter(
                (settings, clientLog) -> LxcaClient.open(
                        settings,
                        clientLog,
                        new RetryPolicy(
                                settings.retries(),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(30),
                                clock.sleeper(),
                                () -> 1.0)),
                clock,
                clock.sleeper(),
                log);
    }

    /** Imports a new set of its own, in a folder of its own, so that one test can import several times. */
    private ImportResult importFreshSetAs(String user) throws Exception {
        Path sets = SampleUpdateSets.write(work.resolve("sets-" + user), fixId());
        ImportRequest request = request(user, trusted(), simulator.url());
        return importFolder(new ImportRequest(
                request.connection(), sets, request.pollInterval(), request.taskTimeout(), OnExisting.FAIL, false));
    }

    private <T extends Throwable> T importFails(Class<T> type, String user) throws IOException {
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        return assertThrows(type, () -> importAs(user));
    }

    private List<String> eventsOf(String user) {
        return simulator.events().stream()
                .filter(e -> e.endsWith(" " + user))
                .map(e -> e.replaceAll(" \\d+ ", " N "))
                .toList();
    }

    @Test
    void importsASetFollowsTheJobAndLogsOut() throws Exception {
        String user = user();
        String fixId = fixId();
        Path sets = SampleUpdateSets.write(work.resolve("sets"), fixId, 300_000);

        ImportResult result;
        try {
            result = importAs(user);
        } catch (LxcaException e) {
            throw new AssertionError(e.describe(), e);
        }

        assertEquals(List.of(fixId), result.fixIds());
        assertEquals("Complete", result.finalState());
        var stored = simulator.repository().get(fixId);
        assertEquals(result.jobId(), stored.jobId());
        assertEquals(user, stored.importedBy());
        assertEquals(
                List.of(".chg", ".tgz", ".txt", ".xml"),
                stored.files().stream()
                        .map(f -> f.fileName().substring(fixId.length()))
                        .toList());
        for (var file : stored.files()) {
            Path source = sets.resolve(file.fileName());
            assertEquals(Files.size(source), file.size(), file.fileName());
            assertEquals(sha256(source), file.sha256(), file.fileName());
        }
        assertEquals(
                List.of(
                        "login " + user,
                        "tasks " + user,
                        "create-job N " + user,
                        "upload N " + user,
                        "task N " + user,
                        "task N " + user,
                        "logout " + user),
                eventsOf(user));
        assertEquals(List.of(Duration.ofSeconds(5)), clock.sleeps());
        String text = log.text();
        assertTrue(text.contains("INFO Created import job " + result.jobId()), text);
        assertTrue(text.contains("INFO Job " + result.jobId() + ": Running 50%"), text);
        // Sizes say what they measure: the set on disk, the request body on the wire; one throughput per upload.
        assertTrue(text.contains("INFO Importing " + fixId + " (4 files, "), text);
        assertTrue(
                java.util.regex.Pattern.compile("\\(4 files, [\\d.]+ \\S+ on disk\\)")
                        .matcher(text)
                        .find(),
                text);
        java.util.regex.Matcher body = java.util.regex.Pattern.compile(
                        "INFO Uploaded (\\S+ \\S+) of a \\1 request body \\(100%\\)")
                .matcher(text);
        assertTrue(body.find(), text);
        assertTrue(text.contains("INFO Upload finished: " + body.group(1) + " sent in "), text);
        assertEquals(1, text.split("MiB/s", -1).length - 1, text);
        assertTrue(
                text.contains("DEBUG POST /files/managementServer/updates?action=import&jobid=" + result.jobId()
                        + " -> HTTP 201 after "),
                text);
        assertTrue(text.contains("INFO Imported " + fixId + ": job " + result.jobId() + " Complete"), text);
        assertEquals(
                List.of(),
                log.lines().stream()
                        .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR"))
                        .toList(),
                "a successful import warns of nothing");
    }

    @Test
    void importsSeveralSetsInOneJob() throws Exception {
        String user = user();
        String first = fixId();
        String second = fixId();
        SampleUpdateSets.write(work.resolve("sets"), first);
        SampleUpdateSets.write(work.resolve("sets"), second);

        ImportResult result = importAs(user);

        assertEquals(List.of(first, second).stream().sorted().toList(), result.fixIds());
        assertEquals(result.jobId(), simulator.repository().get(first).jobId());
        assertEquals(result.jobId(), simulator.repository().get(second).jobId());
    }

    @Test
    void wrongPasswordFailsWithLxcaMessageAndNoJob() throws Exception {
        String user = user();
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        var e = assertThrows(
                LxcaFailureException.class,
                () -> importFolder(
                        request(new Credentials(user, "wrong", "the test"), trusted(), simulator.url(), null)));
        assertEquals(Kind.AUTHENTICATION, e.kind());

        assertTrue(e.getMessage().contains("user '" + user + "' (HTTP 401)"), e.getMessage());
        assertTrue(e.describe().contains("FQXHMSE0200J: The user name or password is not valid."), e.describe());
        assertTrue(e.describe().contains("What to do: check the credentials from the test"), e.describe());
        assertFalse(e.describe().contains("wrong"), "the password must not be shown");
        assertEquals(List.of("login-refused " + user), eventsOf(user));
    }

    @Test
    void passwordChangeRequiredFailsAndStillLogsOut() throws Exception {
        String user = user(Fault.PASSWORD_CHANGE_REQUIRED);
        var e = importFails(LxcaFailureException.class, user);
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("requires user '" + user + "' to change its password"), e.getMessage());
        assertEquals(List.of("login " + user, "logout " + user), eventsOf(user));
    }

    @Test
    void uploadConflictShowsLxcaMessageAndJobId() throws Exception {
        String user = user(Fault.UPLOAD_409);
        var e = importFails(LxcaRejectedException.class, user);
        assertEquals(409, e.status());
        assertTrue(e.jobId().isPresent());
        String report = e.describe();
        assertTrue(
                report.startsWith("LXCA refused to upload the update files (job "
                        + e.jobId().get() + "): HTTP 409"),
                report);
        assertTrue(report.contains("FQXHMUP2502L: The repository operation failed."), report);
        assertTrue(report.contains("Explanation: The update is being imported by another job."), report);
        assertTrue(report.contains("Recovery: Wait for the other job to finish. Retry the operation."), report);
        assertTrue(report.contains("What to do: the update may already be in LXCA's repository"), report);
        assertTrue(eventsOf(user).contains("logout " + user));
    }

    @Test
    void uploadConflictInErrorMsgShapeShowsLxcaMessage() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.UPLOAD_409_ERRORMSG));
        assertEquals(409, e.status());
        assertTrue(e.describe().contains("FQXHMUP2502L: The repository operation failed."), e.describe());
        assertTrue(e.describe().contains("Recovery: Check the network connection. Retry the operation."), e.describe());
        assertTrue(
                e.describe()
                        .contains("Explanation: The operation failed for an unknown reason. The network connection"
                                + " might have gone down"),
                e.describe());
    }

    @Test
    void uploadAnswered503IsNeverSentAgainByTheHttpClient() throws Exception {
        String user = user(Fault.UPLOAD_503);
        var e = importFails(LxcaRejectedException.class, user);
        assertEquals(503, e.status());
        assertEquals(
                1,
                eventsOf(user).stream()
                        .filter(event -> event.startsWith("upload-failed"))
                        .count(),
                "one upload, no automatic retry: " + eventsOf(user));
        assertTrue(e.describe().contains("FQXHMSE0503J: The service is busy."), e.describe());
    }

    @Test
    void updateAlreadyInRepositoryFailsBeforeUploadingByDefault() throws Exception {
        String user = user();
        String fixId = fixId();
        simulator.preload(fixId);
        SampleUpdateSets.write(work.resolve("sets"), fixId);
        var e = assertThrows(LxcaFailureException.class, () -> importAs(user));
        assertEquals(Kind.UPDATE_PRESENT, e.kind());
        assertEquals("LXCA's repository already holds " + fixId, e.getMessage());
        assertTrue(e.describe().contains("set lxca.onExisting=skip"), e.describe());
        assertEquals(List.of("login " + user, "logout " + user), eventsOf(user));
    }

    @Test
    void onExistingSkipImportsOnlyWhatIsMissing() throws Exception {
        String user = user();
        String present = fixId();
        String missing = fixId();
        simulator.preload(present);
        SampleUpdateSets.write(work.resolve("sets"), present);
        SampleUpdateSets.write(work.resolve("sets"), missing);

        ImportResult result =
                importFolder(withOptions(request(user, trusted(), simulator.url()), OnExisting.SKIP, false));

        assertEquals(ImportOutcome.IMPORTED, result.outcome());
        assertEquals(List.of(missing), result.fixIds());
        assertEquals(List.of(present), result.skipped());
        assertEquals("0", simulator.repository().get(present).jobId(), "the preloaded update was left alone");
        assertEquals(result.jobId(), simulator.repository().get(missing).jobId());
    }

    @Test
    void onExistingSkipWithEverythingPresentUploadsNothingAndSucceeds() throws Exception {
        String user = user();
        String fixId = fixId();
        simulator.preload(fixId);
        SampleUpdateSets.write(work.resolve("sets"), fixId);
        ImportResult result =
                importFolder(withOptions(request(user, trusted(), simulator.url()), OnExisting.SKIP, false));
        assertEquals(ImportOutcome.ALREADY_PRESENT, result.outcome());
        assertEquals(List.of("login " + user, "logout " + user), eventsOf(user));
        assertTrue(
                log.lines().contains("INFO Nothing to import: LXCA's repository already holds " + fixId), log.text());
    }

    @Test
    void onExistingReplaceDeletesThenImports() throws Exception {
        String user = user();
        String fixId = fixId();
        simulator.preload(fixId);
        SampleUpdateSets.write(work.resolve("sets"), fixId);

        ImportResult result =
                importFolder(withOptions(request(user, trusted(), simulator.url()), OnExisting.REPLACE, false));

        assertEquals(ImportOutcome.IMPORTED, result.outcome());
        assertEquals(result.jobId(), simulator.repository().get(fixId).jobId());
        // every check first, then the job, and only then the delete, right before the upload
        assertEquals(
                List.of(
                        "login " + user,
                        "repository-size " + user,
                        "tasks " + user,
                        "create-job N " + user,
                        "deleted " + fixId + " " + user,
                        "upload N " + user),
                eventsOf(user).subList(0, 6));
    }

    /** A request to import a set whose fix id the simulator already holds, with onExisting=replace. */
    private ImportRequest replacing(String user, String fixId) throws IOException {
        simulator.preload(fixId);
        SampleUpdateSets.write(work.resolve("sets"), fixId);
        return withOptions(request(user, trusted(), simulator.url()), OnExisting.REPLACE, false);
    }

    @Test
    void replaceWhoseUploadFailsSaysLxcaNoLongerHoldsTheUpdate() throws Exception {
        String user = user(Fault.UPLOAD_500);
        String fixId = fixId();

        var e = assertThrows(LxcaFailureException.class, () -> importFolder(replacing(user, fixId)));
        assertEquals(Kind.REPLACE_FAILED, e.kind());

        assertTrue(
                e.getMessage()
                        .startsWith("LXCA no longer holds " + fixId + ": onExisting=replace deleted it, and"
                                + " importing it again failed: LXCA refused to upload the update files"),
                e.getMessage());
        assertEquals("FQXHMUP2999M", e.messages().get(0).id(), "LXCA's messages are kept");
        assertTrue(e.jobId().isPresent());
        assertTrue(e.describe().contains("then run the build again to import " + fixId), e.describe());
        assertFalse(
                simulator.repository().containsKey(fixId), "the simulator no longer holds it, as the headline says");
    }

    @Test
    void aRefusedDeleteUnderReplaceFailsWithLxcasMessageAndCancelsTheJobItCreated() throws Exception {
        String user = user(Fault.DELETE_REFUSED);
        String fixId = fixId();

        var e = assertThrows(LxcaRejectedException.class, () -> importFolder(replacing(user, fixId)));

        assertEquals("LXCA refused to delete " + fixId + " from the repository: HTTP 403", e.getMessage());
        assertEquals(403, e.status());
        assertTrue(e.describe().contains("FQXHMUP2403L: The user is not authorized to delete " + fixId), e.describe());
        assertTrue(e.describe().contains("Log in as a user with the LXCA Updates role."), e.describe());
        // the job was created before the delete; it is cancelled, nothing is uploaded, the update stays
        assertEquals(
                List.of(
                        "login " + user,
                        "repository-size " + user,
                        "tasks " + user,
                        "create-job N " + user,
                        "delete-refused " + fixId + " " + user,
                        "cancel N " + user,
                        "logout " + user),
                eventsOf(user));
        assertTrue(log.text().contains("which did not get the files"), log.text());
        assertTrue(simulator.repository().containsKey(fixId));
    }

    @Test
    void aRefusedRepositoryListingFailsInsteadOfReadingAsAnEmptyRepository() throws Exception {
        String user = user(Fault.LISTING_REFUSED);
        String fixId = fixId();
        simulator.preload(fixId);
        SampleUpdateSets.write(work.resolve("sets"), fixId);

        var e = assertThrows(
                LxcaRejectedException.class,
                () -> importFolder(withOptions(request(user, trusted(), simulator.url()), OnExisting.SKIP, false)));

        assertEquals("LXCA refused to list the updates repository: HTTP 403", e.getMessage());
        assertTrue(
                e.describe().contains("FQXHMUP1403L: The user is not authorized to list the updates repository."),
                e.describe());
        assertEquals(List.of("login " + user, "listing-refused " + user, "logout " + user), eventsOf(user));
    }

    @Test
    void anErrorStatusOnATaskPollIsRetriedWhenPassingElseFailsAndCancelsTheJob() throws Exception {
        String user = user(Fault.TASK_POLL_REFUSED);
        SampleUpdateSets.write(work.resolve("sets"), fixId());

        var e = assertThrows(LxcaRejectedException.class, () -> importAs(user));

        assertTrue(e.getMessage().matches("LXCA refused to read the state of job \\d+: HTTP 500"), e.getMessage());
        assertEquals(500, e.status());
        assertTrue(e.describe().contains("FQXHMTM0500M: The task manager failed to read job"), e.describe());
        String job = e.jobId().orElseThrow();
        assertTrue(
                log.text().contains("INFO LXCA answered HTTP 503; trying again to read the state of job " + job),
                log.text());
        assertEquals(
                List.of("task-refused N " + user, "task-refused N " + user),
                eventsOf(user).stream().filter(ev -> ev.startsWith("task-")).toList(),
                "one retry of the 503, none of the 500");
        assertTrue(eventsOf(user).contains("cancel N " + user), eventsOf(user).toString());
        assertTrue(log.text().contains("Cancelled job " + job), log.text());
    }

    @Test
    void aJobWhoseUploadWasRefusedIsCancelledAndNamedAsCreated() throws Exception {
        String user = user(Fault.UPLOAD_409);
        LxcaException e = importFails(LxcaRejectedException.class, user);
        String jobId = e.jobId().orElseThrow();

        assertTrue(
                log.lines()
                        .contains("INFO Cancelled job " + jobId + " (it was created), which this build did not"
                                + " complete"),
                log.text());
        assertTrue(
                simulator.events().contains("cancel " + jobId + " " + user),
                simulator.events().toString());
    }

    @Test
    void aJobThatEndedIsNotCancelled() throws Exception {
        String user = user(Fault.TASK_FAILS);
        importFails(LxcaTaskFailedException.class, user);

        assertFalse(log.text().contains("Cancelled job"), log.text());
        assertTrue(
                eventsOf(user).stream().noneMatch(event -> event.startsWith("cancel")),
                eventsOf(user).toString());
    }

    // the job ids the simulator created for this user, in order ("create-job <id> <user>")
    private static List<String> jobsCreatedFor(String user) {
        String suffix = " " + user;
        return simulator.events().stream()
                .filter(e -> e.startsWith("create-job ") && e.endsWith(suffix))
                .map(e -> e.substring("create-job ".length(), e.length() - suffix.length()))
                .toList();
    }

    @Test
    void theReportOfAReplaceWhoseUploadFailsNamesItsJobItsStateAndNoBytes() throws Exception {
        String user = user(Fault.UPLOAD_500);
        String fixId = fixId();
        ImportRequest request = replacing(user, fixId);
        UpdateImporter importer = importer();
        JobProgress progress = new JobProgress();

        var e = assertThrows(
                LxcaFailureException.class,
                () -> importer.importSets(
                        importer.check(request.updateDirectory(), CheckedPayloads.NONE), request, progress));
        assertEquals(Kind.REPLACE_FAILED, e.kind());
        ReportEntry entry = ReportEntry.failed("sim", user, List.of(fixId), 7, e, progress);

        String job = jobsCreatedFor(user).get(0);
        assertEquals(List.of(job), jobsCreatedFor(user));
        assertEquals(job, entry.jobId());
        assertEquals(ImportOutcome.FAILED, entry.outcome());
        assertEquals(null, entry.finalState(), "its task was never read: the upload was refused");
        assertEquals(0, entry.bytes(), "LXCA received no file whole");
        assertEquals(e.getMessage(), entry.error());
        assertEquals("FQXHMUP2999M", entry.messages().get(0).id());
    }

    @Test
    void theReportOfAReplaceWhoseReUploadsFailNamesTheLastJobAndItsStateNotTheFirst() throws Exception {
        String user = user(Fault.UPLOAD_DROPPED);
        String fixId = fixId();
        ImportRequest request = replacing(user, fixId);
        UpdateImporter importer = importer();
        JobProgress progress = new JobProgress();

        var e = assertThrows(
                LxcaFailureException.class,
                () -> importer.importSets(
                        importer.check(request.updateDirectory(), CheckedPayloads.NONE), request, progress));
        assertEquals(Kind.REPLACE_FAILED, e.kind());
        ReportEntry entry = ReportEntry.failed("sim", user, List.of(fixId), 7, e, progress);

        List<String> jobs = jobsCreatedFor(user);
        assertEquals(4, jobs.size(), simulator.events().toString());
        assertEquals(jobs.get(3), entry.jobId(), "the last upload's job: " + jobs);
        assertEquals(jobs.get(3), progress.jobId());
        // the earlier jobs' tasks were read and they were cancelled; the last one's never was
        assertEquals(null, entry.finalState(), "not the state of an earlier job");
        assertEquals(0, entry.bytes(), "no upload arrived whole");
    }

    @Test
    void replaceWithoutRoomInTheRepositoryDeletesNothing() throws Exception {
        String user = user(Fault.REPOSITORY_FULL);
        String fixId = fixId();

        var e = assertThrows(LxcaFailureException.class, () -> importFolder(replacing(user, fixId)));
        assertEquals(Kind.REPOSITORY_SPACE, e.kind());

        assertTrue(
                e.getMessage().startsWith("LXCA's repository has 100 B free, but the sets to import need "),
                e.getMessage());
        assertTrue(
                e.getMessage().endsWith("onExisting=replace deleted nothing, so LXCA still holds " + fixId),
                e.getMessage());
        assertTrue(simulator.repository().containsKey(fixId));
        assertEquals(List.of("login " + user, "repository-size " + user, "logout " + user), eventsOf(user));
    }

    @Test
    void replaceGoesOnWhenLxcaDoesNotSayHowMuchRoomItHas() throws Exception {
        String user = user(Fault.REPOSITORY_SIZE_UNKNOWN);
        String fixId = fixId();

        ImportResult result = importFolder(replacing(user, fixId));

        assertEquals(ImportOutcome.IMPORTED, result.outcome());
        assertTrue(log.text().contains("DEBUG LXCA did not say how much room its repository has"), log.text());
    }

    @Test
    void aLoginReplyIsNeverShownEvenWhenItSaysFailure() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.LOGIN_SAYS_FAILURE));

        assertEquals(
                "LXCA refused to log in: HTTP 200 with result 'failure' (the reply is not shown: a login reply"
                        + " may hold session secrets)",
                e.getMessage());
        String shown = e.describe() + log.text();
        assertFalse(shown.contains("csrf") || shown.contains("pwChangeRequired"), shown);
        assertFalse(
                shown.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"),
                "no session id or CSRF token: " + shown);
    }

    @Test
    void dryRunLogsInReadsTheRepositoryAndUploadsNothing() throws Exception {
        String user = user();
        String present = fixId();
        simulator.preload(present);
        SampleUpdateSets.write(work.resolve("sets"), present);
        SampleUpdateSets.write(work.resolve("sets"), fixId());

        ImportResult result =
                importFolder(withOptions(request(user, trusted(), simulator.url()), OnExisting.REPLACE, true));

        assertEquals(ImportOutcome.DRY_RUN, result.outcome());
        assertEquals(List.of("login " + user, "repository-size " + user, "logout " + user), eventsOf(user));
        assertTrue(simulator.repository().containsKey(present), "a dry run deletes nothing");
        assertTrue(
                log.text().contains("INFO Dry run: would delete " + present + " from LXCA's repository first"),
                log.text());
        assertTrue(log.text().contains("Nothing was uploaded."), log.text());
    }

    @Test
    void dryRunOfASetThatIsThereSaysTheImportWouldFailButDoesNotFail() throws Exception {
        String user = user();
        String present = fixId();
        simulator.preload(present);
        SampleUpdateSets.write(work.resolve("sets"), present);

        ImportResult result =
                importFolder(withOptions(request(user, trusted(), simulator.url()), OnExisting.FAIL, true));

        assertEquals(ImportOutcome.DRY_RUN, result.outcome());
        assertTrue(
                log.lines()
                        .contains("INFO Dry run: would fail: LXCA's repository already holds " + present
                                + " (onExisting=fail); -Dlxca.onExisting=skip would leave it there, replace would"
                                + " delete it first. Nothing was uploaded."),
                log.text());
        assertEquals(List.of("login " + user, "logout " + user), eventsOf(user));
    }

    @Test
    void completeJobWhoseUpdateIsNotListedFailsVerification() throws Exception {
        String listed = fixId();
        simulator.preload(listed);
        var e = importFails(LxcaFailureException.class, user(Fault.COMPLETE_BUT_NOT_STORED));
        assertTrue(e.getMessage().matches(".*; it lists .*" + listed + ".*"), "names what it lists: " + e.getMessage());
        assertEquals(Kind.VERIFICATION, e.kind());
        assertTrue(
                e.getMessage()
                        .matches("Import job \\d+ ended 'Complete', but LXCA's repository does not list"
                                + " lnvgy_sw_lxca_test\\d+-1\\.0\\.0_anyos_noarch; it lists .*"),
                e.getMessage());
    }

    private static ImportRequest withOptions(ImportRequest request, OnExisting onExisting, boolean dryRun) {
        return new ImportRequest(
                request.connection(),
                request.updateDirectory(),
                request.pollInterval(),
                request.taskTimeout(),
                onExisting,
                dryRun);
    }

    @Test
    void serverErrorWithStringRecoveryShowsAllParts() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.UPLOAD_500));
        assertEquals(500, e.status());
        String report = e.describe();
        assertTrue(report.contains("FQXHMUP2999M: An internal error occurred."), report);
        assertTrue(report.contains("Recovery: Restart the management server, then retry."), report);
        assertTrue(report.contains("More: https://lxca.example/help/FQXHMUP2999M"), report);
    }

    @Test
    void serverErrorWithHtmlShowsStatusAndCleanExcerpt() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.UPLOAD_500_HTML));
        String report = e.describe();
        assertTrue(
                report.contains("HTTP 500; reply \"500 Internal Server Error Internal Server Error The proxy could not"
                        + " reach the upstream server.\""),
                report);
        assertTrue(report.contains("What to do: LXCA failed internally"), report);
        assertFalse(report.contains("<"), report);
        assertFalse(report.contains("color:red"), report);
    }

    @Test
    void serverErrorWithEmptyBodyShowsStatus() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.UPLOAD_500_EMPTY));
        assertTrue(e.getMessage().endsWith("HTTP 500; reply (empty body)"), e.getMessage());
    }

    @Test
    void failedTaskShowsItsMessages() throws Exception {
        String user = user(Fault.TASK_FAILS);
        var e = importFails(LxcaTaskFailedException.class, user);
        String report = e.describe();
        assertTrue(report.startsWith("Import job " + e.jobId().get() + " ended 'Stopped_With_Error'"), report);
        assertTrue(report.contains("FQXHMUP4001L: The update package could not be imported."), report);
        assertTrue(report.contains("Recovery: Download the update again, then import it."), report);
        assertTrue(eventsOf(user).contains("logout " + user));
    }

    @Test
    void failedChildTaskFailsACompleteJob() throws Exception {
        var e = importFails(LxcaTaskFailedException.class, user(Fault.TASK_CHILD_FAILS));
        assertTrue(
                e.getMessage().contains("ended 'Complete'; its step 'Unpack payload' ended 'Stopped_With_Error'"),
                e.getMessage());
        assertTrue(e.describe().contains("FQXHMUP4002L: The payload could not be unpacked."), e.describe());
    }

    @Test
    void taskThatNeverEndsTimesOutWithoutSleeping() throws Exception {
        String user = user(Fault.TASK_NEVER_ENDS);
        var e = importFails(LxcaTaskTimeoutException.class, user);
        assertEquals(
                "Import job " + e.jobId().get() + " did not end within 2 min; its last state was 'Running' at 50%",
                e.getMessage());
        assertEquals(24, clock.sleeps().size(), "2 minutes of 5-second polls");
        assertTrue(eventsOf(user).contains("logout " + user));
    }

    @Test
    void taskStateAsAnObjectIsRead() throws Exception {
        String user = user(Fault.TASK_STATUS_OBJECT);
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        assertEquals("Complete", importAs(user).finalState());
    }

    @Test
    void everyTaskShapeLxcaIsKnownToSendIsRead() throws Exception {
        for (Fault shape : List.of(Fault.TASK_STATE_FIELD, Fault.TASK_FREE_TEXT_STATUS, Fault.TASK_STATUS_OBJECT)) {
            assertEquals("Complete", importFreshSetAs(user(shape)).finalState(), shape.toString());
        }
        assertEquals(3, clock.sleeps().size(), "one pause each, not polling until the timeout: " + clock.sleeps());
    }

    @Test
    void jobCreationAnsweringWarningGoesAheadAndShowsTheMessageAtWarn() throws Exception {
        SampleUpdateSets.write(work.resolve("sets"), fixId());

        assertEquals("Complete", importAs(user(Fault.CREATE_JOB_WARNING)).finalState());

        assertTrue(
                log.lines().stream()
                        .anyMatch(line -> line.startsWith("WARN ")
                                && line.contains("FQXHMUP2150W: The repository is almost full.")),
                log.text());
    }

    @Test
    void aConflictWhoseMessagesSitInANestedStatusShowsThem() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.UPLOAD_409_NESTED_STATUS));
        assertEquals(409, e.status());
        assertTrue(e.describe().contains("FQXHMUP2503L: The update is being imported by another job."), e.describe());
        assertTrue(e.describe().contains("Recovery: Wait for the other import to finish, then retry."), e.describe());
        assertTrue(e.getMessage().contains("): HTTP 409"), e.getMessage());
    }

    @Test
    void anUploadAnsweredStateFailureFailsWhateverTheStatus() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.UPLOAD_STATE_FAILURE));
        assertTrue(e.getMessage().startsWith("LXCA refused to upload the update files (job "), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 200 with state 'failure'"), e.getMessage());
        assertTrue(e.describe().contains("The files could not be saved to the repository."), e.describe());
    }

    @Test
    void jobIdsAsNumbersAndA201AreTakenAsTheyCome() throws Exception {
        for (Fault variant : List.of(Fault.CREATE_JOB_NUMERIC_ID, Fault.CREATE_JOB_201)) {
            assertEquals("Complete", importFreshSetAs(user(variant)).finalState(), variant.toString());
        }
    }

    @Test
    void theCsrfTokenIsTakenFromTheBodyOrTheCookieWhicheverHoldsIt() throws Exception {
        for (Fault variant : List.of(Fault.LOGIN_CSRF_BODY_ONLY, Fault.LOGIN_CSRF_COOKIE_ONLY)) {
            assertEquals("Complete", importFreshSetAs(user(variant)).finalState(), variant.toString());
        }
    }

    @Test
    void aRepositoryListingWithAnInformationalNestedStatusIsNotAFailure() throws Exception {
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        assertEquals("Complete", importAs(user(Fault.LISTING_NESTED_STATUS)).finalState());
    }

    @Test
    void aStrictLxcaTakesASetInLenovosLayoutAndReadsItsVersion() throws Exception {
        String user = user(Fault.STRICT_DESCRIPTORS);
        String fixId = fixId();
        SampleUpdateSets.write(work.resolve("sets"), fixId);

        assertEquals("Complete", importAs(user).finalState());
        assertTrue(
                simulator.events().contains("descriptor-read " + fixId + ".xml Version=1 1.0.0"),
                simulator.events().toString());
    }

    @Test
    void aStrictLxcaRefusesADescriptorInAnotherLayoutAndTheUserSeesItsOwnWords() throws Exception {
        String user = user(Fault.STRICT_DESCRIPTORS);
        String fixId = fixId();
        SampleUpdateSets.write(work.resolve("sets"), fixId);
        Files.writeString(work.resolve("sets").resolve(fixId + ".xml"), SampleUpdateSets.otherDescriptor(fixId));

        var e = assertThrows(LxcaRejectedException.class, () -> importAs(user));

        assertEquals(400, e.status());
        assertTrue(e.describe().contains("FQXHMUP2013L: The update package " + fixId + " is not valid."), e.describe());
        assertTrue(e.describe().contains("Explanation: " + fixId + ".xml has no INSTANCE root element."), e.describe());
        assertTrue(log.text().contains("INFO Did not check what " + fixId + ".xml says about its set"), log.text());
    }

    @Test
    void jobCreationWithFailureResultAndStatus200Fails() throws Exception {
        var e = importFails(LxcaRejectedException.class, user(Fault.CREATE_JOB_RESULT_FAILURE));
        assertEquals("LXCA refused to create the import job: HTTP 200 with result 'failure'", e.getMessage());
        assertTrue(e.describe().contains("FQXHMUP2100L"), e.describe());
    }

    @Test
    void jobWithoutIdIsAProtocolError() throws Exception {
        var e = importFails(LxcaProtocolException.class, user(Fault.CREATE_JOB_WITHOUT_ID));
        assertTrue(
                e.getMessage().startsWith("LXCA accepted the import job (HTTP 200) but its reply names no job id"),
                e.getMessage());
    }

    @Test
    void uploadThatAlwaysBreaksIsTriedInFourJobsThenFailsNamingTheLast() throws Exception {
        String user = user(Fault.UPLOAD_DROPPED);
        var e = importFails(LxcaConnectionException.class, user);
        assertTrue(e.jobId().isPresent());
        assertTrue(e.getMessage().contains("broke while trying to upload the update files"), e.getMessage());
        assertEquals(
                4,
                eventsOf(user).stream()
                        .filter(event -> event.startsWith("create-job"))
                        .count());
        assertEquals(
                4,
                eventsOf(user).stream()
                        .filter(event -> event.startsWith("upload-dropped"))
                        .count());
        assertTrue(log.text().contains("INFO Uploading again in a new job (retry 3 of 3)"), log.text());
        assertTrue(log.text().contains("; that was the last attempt"), log.text());
    }

    @Test
    void payloadThatChangesAfterTheCheckFailsWithoutUploadingAgain() throws Exception {
        String user = user();
        String fixId = fixId();
        Path sets = SampleUpdateSets.write(work.resolve("sets"), fixId);
        ImportRequest request = request(user, trusted(), simulator.url());
        var checked = importer().check(sets, CheckedPayloads.NONE);
        Files.write(sets.resolve(fixId + ".tgz"), new byte[64], java.nio.file.StandardOpenOption.APPEND);

        var e = assertThrows(
                LxcaFailureException.class, () -> importer().importSets(checked, request, new JobProgress()));
        assertEquals(Kind.UPLOAD_SOURCE_CHANGED, e.kind());

        assertEquals(
                fixId + ".tgz grew while it was uploaded: it has more than the "
                        + (Files.size(sets.resolve(fixId + ".tgz")) - 64) + " bytes checked before the upload",
                e.getMessage());
        assertTrue(
                e.describe().contains("What to do: make sure nothing writes to the update folder during the import"),
                e.describe());
        assertEquals(
                1,
                eventsOf(user).stream()
                        .filter(event -> event.startsWith("create-job"))
                        .count(),
                "not retried in a new job: " + eventsOf(user));
        assertTrue(eventsOf(user).contains("logout " + user));
    }

    @Test
    void uploadCutOffOnceIsUploadedAgainInANewJob() throws Exception {
        String user = user(Fault.UPLOAD_DROPPED_ONCE);
        String fixId = fixId();
        SampleUpdateSets.write(work.resolve("sets"), fixId);

        ImportResult result = importAs(user);

        assertEquals("Complete", result.finalState());
        assertEquals(result.jobId(), simulator.repository().get(fixId).jobId());
        List<String> events = eventsOf(user);
        assertEquals(
                List.of(
                        "login " + user,
                        "tasks " + user,
                        "create-job N " + user,
                        "upload-dropped N " + user,
                        "task N " + user,
                        "cancel N " + user,
                        "create-job N " + user,
                        "upload N " + user,
                        "task N " + user,
                        "task N " + user,
                        "logout " + user),
                events.stream().filter(e -> !e.startsWith("repository")).toList());
        assertTrue(log.text().contains("checking what LXCA received before uploading again"), log.text());
        assertTrue(log.text().contains("(it was Pending), which did not get the files"), log.text());
    }

    @Test
    void aJobThatCannotBeCancelledIsReportedAndTheUploadStillGoesAhead() throws Exception {
        String user = user(Fault.UPLOAD_DROPPED_ONCE, Fault.CANCEL_FAILS);
        SampleUpdateSets.write(work.resolve("sets"), fixId());

        ImportResult result = importAs(user);

        assertEquals("Complete", result.finalState());
        assertTrue(
                eventsOf(user).contains("cancel-failed " + user), eventsOf(user).toString());
        String abandoned = simulator.events().stream()
                .filter(e -> e.startsWith("upload-dropped ") && e.endsWith(" " + user))
                .findFirst()
                .orElseThrow()
                .split(" ", -1)[1];
        assertTrue(
                log.text()
                        .contains("WARN Cannot cancel job " + abandoned + ", which did not get the files: LXCA refused"
                                + " to cancel job " + abandoned),
                log.text());
        assertTrue(log.text().contains("; cancel it in LXCA (Monitoring > Jobs) if it is still listed"), log.text());
    }

    @Test
    void uploadWhoseReplyIsLostIsNotSentAgainWhenLxcaGotIt() throws Exception {
        String user = user(Fault.UPLOAD_REPLY_LOST);
        String fixId = fixId();
        SampleUpdateSets.write(work.resolve("sets"), fixId);

        ImportResult result = importAs(user);

        assertEquals(
                1,
                eventsOf(user).stream().filter(e -> e.startsWith("upload ")).count(),
                eventsOf(user).toString());
        assertEquals(
                1,
                eventsOf(user).stream().filter(e -> e.startsWith("create-job")).count());
        assertEquals(result.jobId(), simulator.repository().get(fixId).jobId());
        assertTrue(
                log.text().contains("LXCA received the files of job " + result.jobId() + " (it is Running)"),
                log.text()); // at 0 %, just started
        assertTrue(
                eventsOf(user).stream().noneMatch(e -> e.startsWith("cancel")),
                eventsOf(user).toString());
    }

    @Test
    void uploadCutOffWhenTheRepositoryHasTheUpdateIsNotSentAgain() throws Exception {
        String user = user(Fault.UPLOAD_DROPPED_BUT_STORED);
        String fixId = fixId();
        SampleUpdateSets.write(work.resolve("sets"), fixId);

        ImportResult result = importAs(user);

        assertEquals(ImportOutcome.ALREADY_PRESENT, result.outcome());
        assertEquals(
                1,
                eventsOf(user).stream().filter(e -> e.startsWith("create-job")).count());
        assertTrue(
                log.text().contains("LXCA's repository already holds " + fixId + "; not uploading again"), log.text());
    }

    @Test
    void expiredSessionLogsInAgainOnceAndCarriesOn() throws Exception {
        String user = user(Fault.SESSION_EXPIRES);
        SampleUpdateSets.write(work.resolve("sets"), fixId());

        assertEquals("Complete", importAs(user).finalState());

        assertEquals(
                2,
                eventsOf(user).stream().filter(e -> e.equals("login " + user)).count());
        assertTrue(
                log.text().contains("INFO LXCA ended the session (HTTP 401 when trying to read the state of job"),
                log.text());
    }

    @Test
    void anUpdateListedWithoutItsPayloadIsImportedAndNotTakenAsPresent() throws Exception {
        String user = user();
        String fixId = fixId();
        SampleUpdateSets.write(work.resolve("sets"), fixId);
        simulator.listWithoutPayload(fixId); // as from Lenovo's catalog: "Not Downloaded"

        ImportResult result = importAs(user); // onExisting=fail, the default, would refuse an update that is there

        assertEquals(ImportOutcome.IMPORTED, result.outcome());
        assertEquals(result.jobId(), simulator.repository().get(fixId).jobId());
    }

    @Test
    void logoutIsTriedOnceAndGivenUpQuicklyWhenLxcaStopsAnswering() throws Exception {
        String user = user(Fault.LOGOUT_HANGS); // answers the logout only after 3 s
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        ConnectionSettings connection = new ConnectionSettings(
                simulator.url(),
                new Credentials(user, PASSWORD, "the test"),
                trusted(),
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                3);

        ImportResult result = importFolder(new ImportRequest(
                connection,
                work.resolve("sets"),
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                OnExisting.FAIL,
                false));

        assertEquals("Complete", result.finalState());
        // the client's own record of the logout, complete when the import returns (the simulator's events
        // would race with its answer 3 s later): one request, cut off by its 1 s deadline (its deadline starts
        // when the request is built, the log's stopwatch a moment later when it is sent, so it may show 999 ms)
        List<String> logouts = log.lines().stream()
                .filter(line -> line.startsWith("DEBUG DELETE /sessions"))
                .toList();
        assertEquals(1, logouts.size(), "one logout request, not retried: " + logouts);
        assertTrue(
                logouts.get(0).matches("DEBUG DELETE /sessions -> \\w+Exception after (9[5-9]\\d|1\\d\\d\\d) ms"),
                logouts.get(0));
    }

    @Test
    void unavailableTaskPollsAreRetriedWithBackoff() throws Exception {
        String user = user(Fault.TASKS_UNAVAILABLE_TWICE);
        SampleUpdateSets.write(work.resolve("sets"), fixId());

        assertEquals("Complete", importAs(user).finalState());

        String text = log.text();
        assertTrue(text.contains("INFO LXCA answered HTTP 503; trying again to read the state of job"), text);
        assertTrue(text.contains("in 1.5 s (retry 1 of 3)"), text);
        assertTrue(text.contains("in 3.0 s (retry 2 of 3)"), text);
        assertTrue(
                clock.sleeps().containsAll(List.of(Duration.ofMillis(1500), Duration.ofMillis(3000))),
                clock.sleeps().toString());
    }

    @Test
    void htmlInsteadOfATaskListIsAProtocolErrorWithStatusAndExcerpt() throws Exception {
        var e = importFails(LxcaProtocolException.class, user(Fault.TASKS_HTML));
        assertTrue(
                e.getMessage()
                        .matches("LXCA's reply to read the state of job \\d+ is not a task list \\(HTTP 200\\):"
                                + " \"Please log in\""),
                e.getMessage());
    }

    @Test
    void taskListWithoutTheJobIsAProtocolError() throws Exception {
        var e = importFails(LxcaProtocolException.class, user(Fault.TASKS_WITHOUT_JOB));
        assertTrue(
                e.getMessage()
                        .startsWith("LXCA's task list does not contain job "
                                + e.jobId().orElseThrow()),
                e.getMessage());
    }

    @Test
    void endlessErrorBodyIsCutOffAndShownShort() throws Exception {
        String user = user(Fault.UPLOAD_500_ENDLESS);
        var e = importFails(LxcaRejectedException.class, user);
        assertEquals(500, e.status());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertTrue(e.getMessage().endsWith("…\""), e.getMessage());
        // The client reads at most 4 MiB and then closes the connection; what the simulator got out before
        // that is those 4 MiB plus what the socket buffers hold, far from the 1 GiB body read to its end.
        long sent = endlessBodyBytesSentTo(user);
        assertTrue(
                sent > 3L * 1024 * 1024,
                "the client read 4 MiB, yet the simulator counts only " + sent + " bytes sent");
        assertTrue(sent < 64L * 1024 * 1024, sent + " bytes of the endless body were sent: the read was not capped");
    }

    /** Waits for the simulator to note how much of the endless body it wrote before the client hung up. */
    private long endlessBodyBytesSentTo(String user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var sent = simulator.events().stream()
                    .filter(e -> e.startsWith("endless-body ") && e.endsWith(" " + user))
                    .map(e -> Long.parseLong(e.split(" ", -1)[1]))
                    .findFirst();
            if (sent.isPresent()) {
                return sent.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the simulator never finished writing the endless body: " + eventsOf(user));
    }

    @Test
    void aProxyTunnelsTheImportWithItsCredentials() throws Exception {
        try (TunnelingProxy proxy = TunnelingProxy.start("proxy-user", "proxy-pass")) {
            SampleUpdateSets.write(work.resolve("sets"), fixId());
            ProxySettings viaProxy = new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "proxy-pass");
            importFolder(request(new Credentials(user(), PASSWORD, "the test"), trusted(), simulator.url(), viaProxy));
            assertTrue(proxy.tunnels() >= 1, "the import went through the proxy");
            assertEquals(1, proxy.refusedForCredentials(), "the first CONNECT is challenged for credentials");
        }
    }

    @Test
    void aProxyUserWithoutPasswordIsSentWithAnEmptyOne() throws Exception {
        try (TunnelingProxy proxy = TunnelingProxy.start("proxy-user", "")) {
            SampleUpdateSets.write(work.resolve("sets"), fixId());
            ProxySettings noPassword = new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", null);

            importFolder(
                    request(new Credentials(user(), PASSWORD, "the test"), trusted(), simulator.url(), noPassword));

            assertTrue(proxy.tunnels() >= 1, "the import went through the proxy");
        }
    }

    @Test
    void untrustedCertificateShowsItsFingerprintAndHowToTrustIt() throws Exception {
        String user = user();
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        var e = assertThrows(
                LxcaCertificateException.class,
                () -> importFolder(request(user, new TrustSettings(null, null, null, false, null), simulator.url())));
        assertEquals(simulator.fingerprint(), e.fingerprint().orElseThrow());
        assertTrue(
                e.getMessage().contains("is not trusted (SHA-256 fingerprint " + simulator.fingerprint() + ")"),
                e.getMessage());
        assertTrue(e.describe().contains("-Dlxca.certificateFingerprint=" + simulator.fingerprint()), e.describe());
        assertEquals(List.of(), eventsOf(user));
    }

    @Test
    void pinnedFingerprintIsTrustedInAnySpelling() throws Exception {
        String user = user();
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        String compact = simulator.fingerprint().replace(":", "").toLowerCase(Locale.ROOT);
        ImportResult result =
                importFolder(request(user, new TrustSettings(null, null, compact, false, null), simulator.url()));
        assertEquals("Complete", result.finalState());
    }

    @Test
    void aPinThatDoesNotMatchShowsBothFingerprintsAndAsksToVerifyBeforePinning() throws Exception {
        String user = user();
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        String other = "AA".repeat(32);
        int connectionsBefore = simulator.connectionsOpened();
        // The trust store does trust the simulator: a pin must still refuse any other certificate.
        var e = assertThrows(
                LxcaCertificateException.class,
                () -> importFolder(
                        request(user, new TrustSettings(trustStore, "changeit", other, false, null), simulator.url())));
        assertEquals(simulator.fingerprint(), e.fingerprint().orElseThrow());
        String pinned = HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(HexFormat.of().parseHex(other));
        assertTrue(
                e.getMessage()
                        .startsWith("The TLS certificate of LXCA at "
                                + simulator.url().getAuthority()
                                + " has changed: lxca.certificateFingerprint pins " + pinned + ", but it presented "
                                + simulator.fingerprint()
                                + ". Either LXCA's certificate was renewed or regenerated, or someone between"
                                + " this machine and LXCA is presenting their own"),
                e.getMessage());
        String whatToDo = e.describe()
                .lines()
                .filter(line -> line.startsWith("What to do: "))
                .findFirst()
                .orElseThrow();
        assertTrue(whatToDo.indexOf("web console") < whatToDo.indexOf("-Dlxca.certificateFingerprint="), whatToDo);
        assertEquals(List.of(), eventsOf(user), "no login");
        assertTrue(simulator.connectionsOpened() > connectionsBefore, "the refusal came from the TLS handshake");
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedUnlessPinned() throws Exception {
        SelfSignedCertificate elsewhere = SelfSignedCertificate.forHost("lxca.example.com", null);
        try (LxcaSimulator other = LxcaSimulator.builder()
                .certificate(elsewhere)
                .repositoryDirectory(work.resolve("other-repository"))
                .workDirectory(work.resolve("other"))
                .start()) {
            other.addUser("admin", PASSWORD);
            Path otherTrustStore = elsewhere.writeTrustStore(work.resolve("other-truststore.p12"));
            SampleUpdateSets.write(work.resolve("sets"), fixId());

            var e = assertThrows(
                    LxcaCertificateException.class,
                    () -> importFolder(request(
                            "admin", new TrustSettings(otherTrustStore, "changeit", null, false, null), other.url())));
            assertTrue(
                    e.getMessage()
                            .startsWith("The TLS certificate of localhost:"
                                    + other.url().getPort() + " does not name that host"),
                    e.getMessage());
            assertTrue(log.text().contains("DEBUG TLS: Conscrypt"), "the host name is checked with Conscrypt too");

            ImportResult pinned = importFolder(
                    request("admin", new TrustSettings(null, null, other.fingerprint(), false, null), other.url()));
            assertEquals("Complete", pinned.finalState(), "a pin identifies the server whatever name it has");
        }
    }

    @Test
    void insecureModeSkipsTheCheck() throws Exception {
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        ImportResult result =
                importFolder(request(user(), new TrustSettings(null, null, null, true, null), simulator.url()));
        assertEquals("Complete", result.finalState());
    }

    @Test
    void unreadableTrustStoreIsAConfigurationError() throws Exception {
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        var e = assertThrows(
                LxcaConfigurationException.class,
                () -> importFolder(request(
                        user(),
                        new TrustSettings(trustStore, "not-the-password", null, false, null),
                        simulator.url())));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The trust store password is wrong for lxca.trustStore " + trustStore.toAbsolutePath()),
                e.getMessage());
    }

    @Test
    void aMalformedFingerprintFailsBeforeAnyConnection() throws Exception {
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        int connectionsBefore = simulator.connectionsOpened();
        var e = assertThrows(
                LxcaConfigurationException.class,
                () -> importFolder(request(
                        user(), new TrustSettings(trustStore, "changeit", "BB:19:4A", false, null), simulator.url())));
        assertTrue(
                e.getMessage().startsWith("lxca.certificateFingerprint 'BB:19:4A' is not a SHA-256 fingerprint"),
                e.getMessage());
        assertEquals(connectionsBefore, simulator.connectionsOpened(), "the simulator was not even connected to");
    }

    @Test
    void connectionRefusedSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SampleUpdateSets.write(work.resolve("sets"), fixId());
        var e = assertThrows(
                LxcaConnectionException.class,
                () -> importFolder(request(user(), trusted(), URI.create("https://localhost:" + closedPort))));
        assertEquals(
                "Cannot connect to LXCA at localhost:" + closedPort + ": connection refused (4 attempts)",
                e.getMessage());
        assertTrue(
                log.text()
                        .contains("INFO Cannot connect to LXCA at localhost:" + closedPort
                                + ": connection refused; trying again to log in in 6.0 s (retry 3 of 3)"),
                log.text());
        assertTrue(e.describe().contains("What to do: check the host and port in lxca.url"), e.describe());
    }

    @Test
    void invalidSetFailsBeforeAnyNetworkCall() throws Exception {
        String user = user();
        String fixId = fixId();
        SampleUpdateSets.write(work.resolve("sets"), fixId);
        Files.delete(work.resolve("sets").resolve(fixId + ".txt"));
        var e = assertThrows(InvalidUpdateSetException.class, () -> importAs(user));
        assertTrue(e.getMessage().contains(fixId + ".txt is missing"), e.getMessage());
        assertEquals(List.of(), eventsOf(user));
    }

    @Test
    void errorsAreLxcaExceptionsCarryingTheJobOnceThereIsOne() throws Exception {
        // The headline of a broken upload names no job, so only describe() can add it.
        LxcaException e = importFails(LxcaConnectionException.class, user(Fault.UPLOAD_DROPPED));
        String jobId = e.jobId().orElseThrow();
        assertFalse(e.getMessage().contains("job " + jobId), e.getMessage());
        assertTrue(e.describe().startsWith(e.getMessage() + " (import job " + jobId + ")"), e.describe());
    }

    /** Imports {@code fixId}'s fresh set with these options, polling with {@code pollSleeper} on the test clock. */
    private ImportResult importOtherwise(
            String user, String fixId, OnExisting onExisting, Duration taskTimeout, Sleeper pollSleeper)
            throws Exception {
        Path sets = SampleUpdateSets.write(work.resolve("sets-" + user), fixId);
        ImportRequest request = request(user, trusted(), simulator.url());
        UpdateImporter importer = new UpdateImporter(
                (settings, clientLog) -> LxcaClient.open(
                        settings,
                        clientLog,
                        new RetryPolicy(
                                settings.retries(),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(30),
                                clock.sleeper(),
                                () -> 1.0)),
                clock,
                pollSleeper,
                log);
        return importer.importSets(
                importer.check(sets, CheckedPayloads.NONE),
                new ImportRequest(request.connection(), sets, request.pollInterval(), taskTimeout, onExisting, false),
                new JobProgress());
    }

    /** The log's lines about the other import's job, in order. */
    private List<String> linesAboutTheOtherJob(String otherJob) {
        return log.lines().stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).contains("job " + otherJob))
                .toList();
    }

    @Test
    void anotherRunningImportOfTheSameFixIdIsAwaitedAndNoSecondJobIsCreated() throws Exception {
        String user = user();
        String fixId = fixId();
        String other = simulator.startImportByAnother(fixId, 3); // ends Complete at its third poll

        ImportResult result = importOtherwise(user, fixId, OnExisting.SKIP, Duration.ofMinutes(2), clock.sleeper());

        assertEquals(ImportOutcome.ALREADY_PRESENT, result.outcome());
        assertEquals(List.of(), result.fixIds());
        assertEquals(List.of(fixId), result.skipped());
        assertEquals(
                List.of(
                        "WARN LXCA is already running an import of " + fixId + ": job " + other + " ('Running' at 0%),"
                                + " from another build or one that was stopped; waiting up to 120.0 s for it to end"
                                + " before importing",
                        "INFO Job " + other + " (the other import of " + fixId + "): Running 0%",
                        "INFO Job " + other + " (the other import of " + fixId + "): Running 50%",
                        "INFO Job " + other + " (the other import of " + fixId + "): Complete 100%",
                        "INFO The other import of " + fixId + ", job " + other + ", ended 'Complete'"),
                linesAboutTheOtherJob(other));
        assertTrue(
                log.lines().contains("INFO LXCA's repository already holds " + fixId + "; skipping (onExisting=skip)"),
                log.text());
        assertTrue(log.lines().contains("INFO Nothing to import: LXCA's repository now holds " + fixId), log.text());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), clock.sleeps(), "polled at the interval");
        assertEquals(
                List.of(
                        "login " + user,
                        "tasks " + user,
                        "task N " + user,
                        "task N " + user,
                        "task N " + user,
                        "logout " + user),
                eventsOf(user),
                "no job of this build's own");
    }

    @Test
    void anotherImportThatEndsWhileOnExistingIsFailFailsAsPresentAfterWaiting() throws Exception {
        String user = user();
        String fixId = fixId();
        String other = simulator.startImportByAnother(fixId, 1);

        var e = assertThrows(
                LxcaFailureException.class,
                () -> importOtherwise(user, fixId, OnExisting.FAIL, Duration.ofMinutes(2), clock.sleeper()));

        assertEquals(Kind.UPDATE_PRESENT, e.kind());
        assertEquals("LXCA's repository already holds " + fixId, e.getMessage());
        assertTrue(
                log.lines().contains("INFO The other import of " + fixId + ", job " + other + ", ended 'Complete'"),
                log.text());
        assertEquals(List.of(), clock.sleeps(), "it ended at the first poll");
    }

    @Test
    void anotherImportThatDoesNotEndInTimeFailsWithoutASecondImport() throws Exception {
        String user = user();
        String fixId = fixId();
        String other = simulator.startImportByAnother(fixId, 1000);
        try {
            LxcaFailureException e = assertThrows(
                    LxcaFailureException.class,
                    () -> importOtherwise(user, fixId, OnExisting.FAIL, Duration.ofSeconds(12), clock.sleeper()));
            assertEquals(Kind.IMPORT_RUNNING, e.kind());
            assertEquals(
                    "LXCA is still running import job " + other + " of " + fixId + " after 12.0 s (lxca.taskTimeout);"
                            + " this build did not start a second import",
                    e.getMessage());
            assertEquals(other, e.jobId().orElseThrow(), "the job named is the other one");
            assertTrue(e.whatToDo().startsWith("wait for that job to end (Monitoring > Jobs"), e.whatToDo());
            assertEquals(
                    List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2)),
                    clock.sleeps(),
                    "polled at the interval up to the task timeout, no further");
            assertEquals("Running", simulator.taskState(other).orElseThrow(), "another's job is not ours to cancel");
            assertEquals(
                    List.of(
                            "login " + user,
                            "tasks " + user,
                            "task N " + user,
                            "task N " + user,
                            "task N " + user,
                            "task N " + user,
                            "logout " + user),
                    eventsOf(user),
                    "no job of this build's own");
        } finally {
            simulator.cancelAsItsCreator(other);
        }
    }

    @Test
    void anotherImportThatFailsIsNamedAndThenThisBuildImports() throws Exception {
        String user = user();
        String fixId = fixId();
        String other = simulator.startImportByAnother(fixId, 1000);
        // its creator cancels it while this build waits
        Sleeper cancelOnFirstWait = duration -> {
            simulator.cancelAsItsCreator(other);
            clock.sleeper().sleep(duration);
        };

        ImportResult result = importOtherwise(user, fixId, OnExisting.FAIL, Duration.ofMinutes(2), cancelOnFirstWait);

        assertEquals(ImportOutcome.IMPORTED, result.outcome());
        assertEquals(List.of(fixId), result.fixIds());
        assertEquals(result.jobId(), simulator.repository().get(fixId).jobId());
        assertTrue(
                log.lines()
                        .contains("INFO The other import of " + fixId + ", job " + other + ", failed: Import job "
                                + other + " ended 'Cancelled'"),
                log.text());
        assertFalse(log.text().contains("job " + other + ", ended"), log.text());
    }

    @Test
    void aRunningImportOfAnotherFixIdOrAnEndedOneOfThisFixIdIsNotAwaited() throws Exception {
        String user = user();
        String fixId = fixId();
        String elsewhere = simulator.startImportByAnother(fixId(), 1000);
        String ended = simulator.startImportByAnother(fixId, 1000);
        simulator.cancelAsItsCreator(ended);
        try {
            ImportResult result = importOtherwise(user, fixId, OnExisting.FAIL, Duration.ofMinutes(2), clock.sleeper());

            assertEquals(ImportOutcome.IMPORTED, result.outcome());
            assertFalse(log.text().contains("already running an import"), log.text());
            assertEquals(List.of(), linesAboutTheOtherJob(elsewhere));
            assertEquals(List.of(), linesAboutTheOtherJob(ended));
        } finally {
            simulator.cancelAsItsCreator(elsewhere);
        }
    }

    @Test
    void anotherImportOfAnUpdateToReplaceIsAwaitedAndTheUpdateIsDeletedOnce() throws Exception {
        String user = user();
        String fixId = fixId();
        simulator.preload(fixId);
        String other = simulator.startImportByAnother(fixId, 1);

        ImportResult result = importOtherwise(user, fixId, OnExisting.REPLACE, Duration.ofMinutes(2), clock.sleeper());

        assertEquals(ImportOutcome.IMPORTED, result.outcome());
        assertTrue(
                log.lines().contains("INFO The other import of " + fixId + ", job " + other + ", ended 'Complete'"),
                log.text());
        assertEquals(
                List.of("INFO Deleting " + fixId + " from LXCA's repository first (onExisting=replace)"),
                log.lines().stream().filter(line -> line.contains("Deleting")).toList());
        assertEquals(
                List.of("deleted " + fixId + " " + user),
                eventsOf(user).stream().filter(e -> e.startsWith("delete")).toList());
    }

    @Test
    void anImportInterruptedWhileFollowingItsJobCancelsTheJobAndSaysSo() throws Exception {
        String user = user();
        Sleeper interrupted = duration -> {
            throw new InterruptedException("the build is being stopped");
        };

        assertThrows(
                InterruptedException.class,
                () -> importOtherwise(user, fixId(), OnExisting.FAIL, Duration.ofMinutes(2), interrupted));

        String jobId = log.lines().stream()
                .filter(line -> line.startsWith("INFO Created import job "))
                .map(line -> line.substring("INFO Created import job ".length()))
                .findFirst()
                .orElseThrow();
        assertEquals("Cancelled", simulator.taskState(jobId).orElseThrow());
        assertTrue(
                log.lines()
                        .contains(
                                "INFO Cancelled job " + jobId + " (it was Running), which this build did not complete"),
                log.text());
    }

    @Test
    void aJobCancelledAfterARefusedDeleteIsReportedCancelledAndOneThatCouldNotBeIsNot() throws Exception {
        JobProgress cancelled = new JobProgress();
        String user = user(Fault.DELETE_REFUSED);
        ImportRequest request = replacing(user, fixId());
        assertThrows(
                LxcaRejectedException.class,
                () -> importer()
                        .importSets(
                                importer().check(request.updateDirectory(), CheckedPayloads.NONE), request, cancelled));
        assertEquals("Cancelled", cancelled.lastState());
        assertEquals("Cancelled", simulator.taskState(cancelled.jobId()).orElseThrow());

        JobProgress left = new JobProgress();
        String stuck = user(Fault.DELETE_REFUSED, Fault.CANCEL_FAILS);
        ImportRequest refused = replacing(stuck, fixId());
        try {
            assertThrows(
                    LxcaRejectedException.class,
                    () -> importer()
                            .importSets(
                                    importer().check(refused.updateDirectory(), CheckedPayloads.NONE), refused, left));
            assertEquals(null, left.lastState(), "not cancelled, so no state is claimed");
            assertTrue(
                    log.text().contains("WARN Cannot cancel job " + left.jobId() + ", which did not get the files"),
                    log.text());
        } finally {
            simulator.cancelAsItsCreator(left.jobId());
        }
    }

    @Test
    void theProgressOfAnUploadWhoseReplyWasLostCountsItsBytesAndThatOfOneStoredAnywayItsState() throws Exception {
        JobProgress received = new JobProgress();
        String lost = user(Fault.UPLOAD_REPLY_LOST);
        Path sets = SampleUpdateSets.write(work.resolve("sets-" + lost), fixId());
        ImportRequest request = request(lost, trusted(), simulator.url());
        ImportRequest lostReply = new ImportRequest(
                request.connection(), sets, request.pollInterval(), request.taskTimeout(), OnExisting.FAIL, false);
        var checked = importer().check(sets, CheckedPayloads.NONE);
        importer().importSets(checked, lostReply, received);
        assertEquals(checked.get(0).totalSize(), received.bytesUploaded());

        JobProgress stored = new JobProgress();
        String storedAnyway = user(Fault.UPLOAD_DROPPED_BUT_STORED);
        Path otherSets = SampleUpdateSets.write(work.resolve("sets-" + storedAnyway), fixId());
        ImportRequest dropped = new ImportRequest(
                request(storedAnyway, trusted(), simulator.url()).connection(),
                otherSets,
                request.pollInterval(),
                request.taskTimeout(),
                OnExisting.FAIL,
                false);
        ImportResult result = importer().importSets(importer().check(otherSets, CheckedPayloads.NONE), dropped, stored);
        assertEquals(ImportOutcome.ALREADY_PRESENT, result.outcome());
        assertEquals(simulator.taskState(stored.jobId()).orElseThrow(), stored.lastState(), "the state LXCA showed");
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
