package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shapes of the currentVersion and history replies are inferred: each tolerated shape is read. */
class ApplyRepliesTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private Optional<String> version(String json) throws Exception {
        return ApplianceVersion.from(mapper.readTree(json));
    }

    @Test
    void currentVersionIsReadFromEachToleratedShape() throws Exception {
        assertEquals(Optional.of("4.1.0"), version("{\"currentVersion\": \"4.1.0\"}"));
        assertEquals(
                Optional.of("4.1.0"), version("{\"currentVersion\": {\"version\": \"4.1.0\", \"build\": \"123\"}}"));
        assertEquals(Optional.of("4.1.0"), version("{\"response\": {\"version\": \"4.1.0\"}}"));
        assertEquals(Optional.of("4.1.0"), version("{\"currentVersion\": [{\"version\": \"4.1.0\"}]}"));
        assertEquals(Optional.empty(), version("{\"result\": \"success\"}"));
    }

    @Test
    void historyEntriesAreFoundAtAnyDepthWithTheirDates() throws Exception {
        List<UpdateHistoryEntry> entries = UpdateHistoryEntry.from(mapper.readTree("{\"history\": ["
                + "{\"fixid\": \"a\", \"dateApplied\": \"2026-12-01\"},"
                + "{\"fixId\": \"b\", \"installationFailedDate\": \"2026-12-02\", \"status\": \"Failed\","
                + " \"messages\": [{\"id\": \"FQXHMUP4100J\", \"text\": \"Could not install.\"}]}]}"));

        assertEquals(2, entries.size());
        assertTrue(entries.get(0).applied());
        assertFalse(entries.get(1).applied());
        assertTrue(entries.get(1).failed());
        assertEquals("Failed", entries.get(1).words().get(0));
        assertTrue(
                entries.get(1).words().get(1).contains("FQXHMUP4100J"),
                entries.get(1).words().toString());
    }

    @Test
    void theOlderDateNamesCountOnlyWhereTheDocumentedOnesAreBlankAndUnknownFieldsAreIgnored() throws Exception {
        List<UpdateHistoryEntry> entries = UpdateHistoryEntry.from(mapper.readTree("{\"history\": ["
                + "{\"fileName\": \"a.tgz\", \"dateApplied\": \"\", \"appliedDate\": \"2026-12-01\", \"x\": {}},"
                + "{\"fileName\": \"b.tgz\", \"dateApplied\": \"2026-12-03\", \"appliedDate\": \"2026-12-01\","
                + " \"failedDate\": \"2026-12-02\", \"version\": 4, \"status\": {\"result\": \"failed\"}}]}"));

        assertEquals("2026-12-01", entries.get(0).dateApplied());
        assertEquals("2026-12-03", entries.get(1).dateApplied());
        assertEquals("2026-12-02", entries.get(1).installationFailedDate());
        assertEquals("4", entries.get(1).version(), "a number is read as its text");
        assertEquals(List.of(), entries.get(1).words(), "a status object is no word");
    }

    @Test
    void historyEntriesOfTheDocumentedShapeAreReadByFileNameVersionAndFlavor() throws Exception {
        List<UpdateHistoryEntry> entries = UpdateHistoryEntry.from(mapper.readTree("{\"history\": ["
                + "{\"buildNumber\": \"1\", \"dateApplied\": \"2026-11-01\", \"description\": \"LXCA 4.1.0\","
                + " \"detailInfo\": \"\", \"fileName\": \"\", \"flavor\": \"base install\","
                + " \"installationFailedDate\": \"\", \"version\": \"4.1.0\"},"
                + "{\"buildNumber\": \"7\", \"dateApplied\": \"\", \"description\": \"LXCA 4.2.0 update\","
                + " \"detailInfo\": \"FQXHMUP4105L: the migration failed.\", \"fileName\": \"fix-4.2.0.tgz\","
                + " \"flavor\": \"\", \"installationFailedDate\": \"2026-12-02\", \"version\": \"4.2.0\"}]}"));

        assertEquals(2, entries.size());
        UpdateHistoryEntry base = entries.get(0);
        assertTrue(base.baseInstall());
        assertTrue(base.applied());
        assertFalse(base.namesFile(), "a blank fileName names no file");
        assertEquals("4.1.0", base.version());
        UpdateHistoryEntry failed = entries.get(1);
        assertTrue(failed.failed());
        assertFalse(failed.applied(), "a blank dateApplied is none");
        assertTrue(failed.names("fix-4.2.0"));
        assertFalse(failed.names("fix-4.2"), "a fix id that is only the start of another's is not it");
        assertEquals(List.of("FQXHMUP4105L: the migration failed.", "LXCA 4.2.0 update"), failed.words());
    }
}
