package io.github.lxca.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.RetryPolicy;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.JobProgress;
import io.github.lxca.importer.OnExisting;
import io.github.lxca.importer.UpdateImporter;
import io.github.lxca.simulator.Exchange;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.simulator.ReceivedFile;
import io.github.lxca.simulator.SelfSignedCertificate;
import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.SampleUpdateSets;
import io.github.lxca.testing.TestClock;
import io.github.lxca.update.CheckedPayloads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract with Lenovo's own client: pylxca's recorded import ({@code contract/pylxca-import.json}) is replayed
 * against the simulator and must import, also with the part names of Lenovo's Ruby client and of Lenovo's page; the
 * plugin's own requests for the same import are compared with it field by field, and must differ in exactly the
 * fields of {@code contract/pylxca-differences.json}, each of which the README lists with its reason.
 */
class LenovoClientContractTest {
    private static final String PASSWORD = "Contract-Pa55";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final RecordedSequence PYLXCA = RecordedSequence.load("pylxca-import.json");
    private static LxcaSimulator simulator;
    private static Path trustStore;

    @TempDir
    Path work;

    @BeforeAll
    static void startSimulator(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder().workDirectory(directory).start();
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        simulator.close();
    }

    @Test
    void pylxcasImportIsAccepted() throws Exception {
        String fixId = importByReplay(user(), null);

        assertEquals(List.of("uploadedfile[]"), partNamesOf(fixId));
    }

    @Test
    void partsNamedAsLenovosRubyClientAndLenovosPageNameThemAreAcceptedToo() throws Exception {
        String ruby = importByReplay(user(), i -> "file_" + (i + 1));
        String page = importByReplay(user(), i -> "uploadedfiles[]");

        assertEquals(List.of("file_1", "file_2", "file_3", "file_4"), partNamesOf(ruby));
        assertEquals(List.of("uploadedfiles[]"), partNamesOf(page));
    }

    @Test
    void aUserWhoseLoginBodyCarriesTheTokenStillGetsTheCsrfCookiePylxcaReads() throws Exception {
        importByReplay(user(Fault.LOGIN_CSRF_BODY_ONLY), null);
    }

    @Test
    void whateverThePartsAreNamedTheirFilesMustBeTheJobs() throws Exception {
        String user = user();
        List<Path> files = sampleSet(fixId());
        Bindings bindings = Bindings.of(simulator.url().toString(), user, PASSWORD, files);

        AssertionError refused = assertThrows(
                AssertionError.class,
                () -> new SequenceReplay(simulator.url(), tls())
                        .replay(
                                PYLXCA,
                                bindings,
                                files,
                                i -> "file_" + (i + 1),
                                part -> bindings.fill("${file" + (part == 0 ? 1 : part == 1 ? 0 : part) + ".name}")));

        assertTrue(
                refused.getMessage().contains("upload the files (POST /files/managementServer/updates) got HTTP 400"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("part 0 has file name"), refused.getMessage());
    }

    @Test
    void thePluginSendsWhatPylxcaSendsButForTheListedDifferences() throws Exception {
        PluginRun run = pluginImport();

        assertEquals(
                listed().lines(),
                ListedDifferences.lines(SequenceComparison.compare(PYLXCA, run.bindings(), run.exchanges())));
    }

    @Test
    void oneChangedFieldOfThePluginsSequenceFailsTheComparison() throws Exception {
        PluginRun run = pluginImport();
        Map<String, UnaryOperator<Exchange>> mutations = new TreeMap<>();
        mutations.put("a part name", e -> e.parts().isEmpty() ? e : e.withParts(renamedFirstPart(e.parts(), "file")));
        mutations.put(
                "a charset on the upload",
                e -> e.parts().isEmpty()
                        ? e
                        : e.withHeader(
                                "Content-Type",
                                e.headers()
                                        .get("Content-Type")
                                        .replace("multipart/form-data;", "multipart/form-data; charset=ISO-8859-1;")));
        mutations.put(
                "every codec in Accept-Encoding", e -> e.withHeader("Accept-Encoding", "gzip, deflate, br, zstd"));
        mutations.put(
                "no CSRF token",
                e -> e.method().equals("POST") && e.path().equals("/managementServer/updates")
                        ? e.withHeader("X-Csrf-Token", null)
                        : e);
        mutations.put(
                "a size as text in the job",
                e -> e.json() != null && e.json().has("files")
                        ? e.withBody(e.body().replaceFirst("\"size\":(\\d+)", "\"size\":\"$1\""))
                        : e);
        mutations.put(
                "no Referer on the log-in", e -> e.path().equals("/sessions") ? e.withHeader("Referer", null) : e);

        assertEquals(
                listed().lines(),
                ListedDifferences.lines(
                        SequenceComparison.compare(PYLXCA, run.bindings().copy(), run.exchanges())));
        for (Map.Entry<String, UnaryOperator<Exchange>> mutation : mutations.entrySet()) {
            List<Exchange> changed =
                    run.exchanges().stream().map(mutation.getValue()).toList();
            List<String> differences = ListedDifferences.lines(
                    SequenceComparison.compare(PYLXCA, run.bindings().copy(), changed));
            assertNotEquals(listed().lines(), differences, mutation.getKey() + " went unnoticed");
        }
    }

    /** No Lenovo source covers replacing an update; the README says why the plugin does it in this order. */
    @Test
    void replaceCreatesTheJobThenDeletesThenUploads() throws Exception {
        String fixId = fixId();
        simulator.preload(fixId);

        PluginRun run = pluginImport(fixId, OnExisting.REPLACE);

        List<String> writes = run.exchanges().stream()
                .filter(e -> !e.method().equals("GET") && !e.path().equals("/sessions"))
                .map(e -> e.method() + " " + e.pathAndQuery().replaceAll("jobid=\\d+", "jobid=N"))
                .toList();
        assertEquals(
                List.of(
                        "POST /managementServer/updates?action=import",
                        "DELETE /managementServer/updates/" + fixId + "?key=removeMetadata",
                        "POST /files/managementServer/updates?action=import&jobid=N"),
                writes);
    }

    @Test
    void theReadmeListsEveryDifferenceWithItsReason() throws IOException {
        listed().assertEachIsARowOfTheReadme();
    }

    private record PluginRun(Bindings bindings, List<Exchange> exchanges) {}

    /** Imports a fresh set with the plugin's importer, as import-update does, and returns what the simulator saw. */
    private PluginRun pluginImport() throws Exception {
        return pluginImport(fixId(), OnExisting.FAIL);
    }

    private PluginRun pluginImport(String fixId, OnExisting onExisting) throws Exception {
        String user = user();
        List<Path> files = sampleSet(fixId);
        TestClock clock = new TestClock();
        ConnectionSettings connection = new ConnectionSettings(
                simulator.url(),
                new Credentials(user, PASSWORD, "the test"),
                new TrustSettings(trustStore, SelfSignedCertificate.STORE_PASSWORD, null, false, null),
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                0);
        UpdateImporter importer = new UpdateImporter(
                (settings, log) -> LxcaClient.open(
                        settings,
                        log,
                        new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), clock.sleeper(), () -> 1.0)),
                clock,
                clock.sleeper(),
                new RecordingLog());
        Path folder = files.get(0).getParent();
        importer.importSets(
                importer.check(folder, CheckedPayloads.NONE),
                new ImportRequest(connection, folder, Duration.ofSeconds(5), Duration.ofMinutes(2), onExisting, false),
                new JobProgress());
        assertTrue(simulator.repository().containsKey(fixId));
        return new PluginRun(
                Bindings.of(simulator.url().toString(), user, PASSWORD, files),
                simulator.exchanges().stream()
                        .filter(e -> user.equals(e.user()))
                        .toList());
    }

    /** Replays pylxca's import of a fresh set as this user and returns its fix id, once the simulator stored it. */
    private String importByReplay(String user, IntFunction<String> partName) throws Exception {
        String fixId = fixId();
        List<Path> files = sampleSet(fixId);
        String state = new SequenceReplay(simulator.url(), tls())
                .replay(PYLXCA, Bindings.of(simulator.url().toString(), user, PASSWORD, files), files, partName, null);

        assertEquals("Complete", state);
        assertEquals(
                files.stream().map(f -> f.getFileName().toString()).toList(),
                simulator.repository().get(fixId).files().stream()
                        .map(ReceivedFile::fileName)
                        .toList());
        return fixId;
    }

    private static List<String> partNamesOf(String fixId) {
        return simulator.repository().get(fixId).files().stream()
                .map(ReceivedFile::partName)
                .distinct()
                .toList();
    }

    private static List<ReceivedFile> renamedFirstPart(List<ReceivedFile> parts, String name) {
        List<ReceivedFile> renamed = new ArrayList<>(parts);
        ReceivedFile first = parts.get(0);
        renamed.set(0, new ReceivedFile(name, first.fileName(), first.contentType(), first.size(), first.sha256()));
        return renamed;
    }

    /** The set's four files in the order of Lenovo's page and of the plugin: .chg, .tgz, .txt, .xml. */
    private List<Path> sampleSet(String fixId) throws IOException {
        Path directory = SampleUpdateSets.write(work.resolve(fixId), fixId);
        return List.of(".chg", ".tgz", ".txt", ".xml").stream()
                .map(extension -> directory.resolve(fixId + extension))
                .toList();
    }

    private static SSLContext tls() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, SelfSignedCertificate.STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String user(Fault... faults) {
        String name = "contract" + NEXT.incrementAndGet();
        simulator.addUser(name, PASSWORD, faults);
        return name;
    }

    private static String fixId() {
        return "lnvgy_sw_lxca_contract" + NEXT.incrementAndGet() + "-1.0.0_anyos_noarch";
    }

    private static ListedDifferences listed() throws IOException {
        return ListedDifferences.load("pylxca-differences.json");
    }
}
