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
}
