package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.testing.RecordingLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parts of an import's log and report that need no LXCA: the prefix that tells parallel imports apart, the name
 * of an import, and the report of a run that stopped before any LXCA was called.
 */
class ReportPartsTest {
    private static ImportRequest request(String url, String user, String name) {
        ConnectionSettings connection = new ConnectionSettings(
                URI.create(url),
                new Credentials(user, "pw", "the test"),
                new TrustSettings(null, null, null, true, null),
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                0);
        return new ImportRequest(
                connection,
                Path.of("sets"),
                Duration.ofSeconds(5),
                Duration.ofMinutes(1),
                OnExisting.FAIL,
                false,
                name);
    }

    @Test
    void everyLevelOfAPrefixedLogCarriesTheName() {
        RecordingLog log = new RecordingLog();
        PrefixedLog prefixed = new PrefixedLog(log, "lab");

        prefixed.info("one");
        prefixed.warn("two");
        prefixed.debug("three");

        assertEquals(List.of("INFO [lab] one", "WARN [lab] two", "DEBUG [lab] three"), log.lines());
    }

    @Test
    void anImportIsNamedByItsServerEntryElseByItsHost() {
        assertEquals("lab", request("https://lxca.example:8443", "ops", "lab").name());
        assertEquals(
                "lxca.example:8443",
                request("https://lxca.example:8443", "ops", null).name());
        assertEquals(
                "lxca.example:8443",
                request("https://lxca.example:8443", "ops", " ").name());
    }

    @Test
    void aRunThatStoppedBeforeAnyLxcaWasCalledReportsEveryLxcaAsFailedWithoutAJob() {
        Exception failure =
                new LxcaConfigurationException("The trust store cannot be read", null, List.of(), "fix the path", null);

        ImportRequest a = request("https://a.example", "ops", "a");
        List<ReportEntry> entries =
                ImportCoordinator.failedBeforeStart(List.of(a, request("https://b.example", "admin", "b")), failure);

        assertEquals(2, entries.size());
        ReportEntry first = entries.get(0);
        assertEquals(a.connection().baseUri().toString(), first.server());
        assertTrue(first.server().startsWith("https://a.example"), first.server());
        assertEquals("ops", first.user());
        assertEquals("admin", entries.get(1).user());
        assertEquals(ImportOutcome.FAILED, first.outcome());
        assertEquals("The trust store cannot be read", first.error());
        assertEquals(List.of(), first.fixIds());
        assertNull(first.jobId());
        assertNull(first.finalState());
        assertEquals(0, first.bytes());
        assertEquals(0, first.durationMillis());
    }
}
