package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void takesTheFirstFieldThatHoldsAValue() throws Exception {
        JsonNode reply = json("{\"jobid\": \"  \", \"jobId\": {\"nested\": 1}, \"taskid\": 42, \"id\": \"7\"}");

        assertEquals(
                "42",
                JsonFields.firstText(reply, "jobid", "jobId", "taskid", "id"),
                "blank and object values are skipped");
        assertEquals("7", JsonFields.firstText(reply, "missing", "id"));
        assertNull(JsonFields.firstText(reply, "missing", "jobid"));
    }

    @Test
    void textIsStrippedAndEmptyWhenAbsent() throws Exception {
        JsonNode message = json("{\"text\": \" The upload failed. \", \"explanation\": null}");

        assertEquals("The upload failed.", JsonFields.text(message, "text"));
        assertEquals("", JsonFields.text(message, "explanation"));
        assertEquals("", JsonFields.text(message, "recovery"));
    }
}
