package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lxca.client.ReplyVerdict.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyVerdictTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private ReplyVerdict verdict(String json) throws Exception {
        return ReplyVerdict.of(mapper.readTree(json));
    }

    private Reply reply(int status, String json) {
        return new Reply(status, json.getBytes(StandardCharsets.UTF_8), false, null, mapper);
    }

    @ParameterizedTest
    @CsvSource({
        "success,SUCCESS",
        "SUCCESS,SUCCESS",
        "informational,SUCCESS",
        "warning,WARNING",
        "Warning,WARNING",
        "failed,FAILURE",
        "failure,FAILURE",
        "major,FAILURE",
        "critical,FAILURE",
        "error,FAILURE",
        "something-new,FAILURE"
    })
    void eachResultWordHasItsMeaning(String word, Kind kind) throws Exception {
        assertEquals(kind, verdict("{\"result\":\"" + word + "\"}").kind());
    }

    @Test
    void aResultInAnyOfTheFourPlacesCountsAndTheWorstDecides() throws Exception {
        assertEquals(
                Kind.FAILURE, verdict("{\"errorMsg\":{\"result\":\"major\"}}").kind());
        assertEquals(
                Kind.FAILURE, verdict("{\"response\":{\"result\":\"failed\"}}").kind());
        assertEquals(
                Kind.WARNING,
                verdict("{\"updates\":[],\"status\":{\"result\":\"warning\"}}").kind());
        assertEquals(
                Kind.SUCCESS,
                verdict("{\"updates\":[],\"status\":{\"result\":\"informational\"}}")
                        .kind());
        assertEquals(
                Kind.FAILURE,
                verdict("{\"result\":\"success\",\"status\":{\"result\":\"critical\"}}")
                        .kind());
        assertEquals(
                Kind.WARNING,
                verdict("{\"result\":\"warning\",\"status\":{\"result\":\"success\"}}")
                        .kind());
    }

    @Test
    void withoutAResultAStateOfFailureIsAFailure() throws Exception {
        ReplyVerdict verdict = verdict("{\"state\":\"failure\",\"progress\":100,\"current\":\"x\"}");
        assertEquals(Kind.FAILURE, verdict.kind());
        assertEquals("state 'failure'", verdict.describe());
        assertEquals(
                Kind.SILENT, verdict("{\"state\":\"success\",\"progress\":100}").kind());
    }

    @Test
    void repliesWithoutAnEnvelopeSayNothing() throws Exception {
        assertEquals(Kind.SILENT, verdict("{\"jobid\":\"7\"}").kind());
        assertEquals(Kind.SILENT, verdict("[{\"result\":\"failed\"}]").kind());
        assertEquals(Kind.SILENT, verdict("{\"status\":\"Running\"}").kind());
        assertEquals(Kind.SILENT, ReplyVerdict.of(null).kind());
    }

    @Test
    void aFailureWordFailsAReplyWhateverItsHttpStatusAndAWarningDoesNot() {
        assertTrue(reply(200, "{\"result\":\"failure\"}").saysFailure());
        assertTrue(reply(201, "{\"state\":\"failure\"}").saysFailure());
        assertFalse(reply(200, "{\"result\":\"warning\",\"jobid\":\"3\"}").saysFailure());
        assertTrue(reply(200, "{\"result\":\"warning\"}").verdict().isWarning());
        assertFalse(reply(200, "<html>not json</html>").saysFailure());
    }
}
