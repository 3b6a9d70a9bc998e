package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LxcaMessageTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private List<LxcaMessage> read(String json) throws Exception {
        return LxcaMessage.listFrom(mapper.readTree(json));
    }

    @Test
    void readsTopLevelMessagesWithRecoveryObject() throws Exception {
        var messages =
                read("{\"result\":\"failed\",\"messages\":[{\"id\":\"FQX1\",\"text\":\"T\",\"explanation\":\"E\","
                        + "\"recovery\":{\"text\":\"R\",\"URL\":\"https://u\"}}]}");
        assertEquals(List.of(new LxcaMessage("FQX1", "T", "E", "R", "https://u")), messages);
        assertEquals(
                "FQX1: T\n  Explanation: E\n  Recovery: R\n  More: https://u",
                messages.get(0).describe());
    }

    @Test
    void readsMessagesInsideErrorMsg() throws Exception {
        var messages = read("{\"result\":\"failed\",\"errorMsg\":{\"result\":\"major\",\"messages\":[{\"id\":\"FQX2\","
                + "\"text\":\"T\",\"explanation\":\"E\",\"recovery\":{\"text\":\"R\"}}]}}");
        assertEquals(List.of(new LxcaMessage("FQX2", "T", "E", "R", "")), messages);
    }

    @Test
    void readsRecoveryAsStringOrArrayWithSeparateUrl() throws Exception {
        assertEquals(
                List.of(new LxcaMessage("A", "T", "", "R", "https://u")),
                read(
                        "{\"messages\":[{\"id\":\"A\",\"text\":\"T\",\"recovery\":\"R\",\"recoveryUrl\":\"https://u\"}]}"));
        assertEquals(
                List.of(new LxcaMessage("B", "T", "", "R1 R2", "https://u")),
                read(
                        "{\"messages\":[{\"id\":\"B\",\"text\":\"T\",\"recovery\":[{\"text\":\"R1\",\"URL\":\"https://u\"},\"R2\"]}]}"));
    }

    @Test
    void readsMessagesFromTheResponseAndFromANestedStatus() throws Exception {
        assertEquals(
                List.of(new LxcaMessage("R1", "T", "", "", "")),
                read("{\"response\":{\"messages\":[{\"id\":\"R1\",\"text\":\"T\"}]}}"));
        assertEquals(
                List.of(new LxcaMessage("S1", "T", "E", "R", "https://u")),
                read("{\"updates\":[],\"status\":{\"result\":\"failed\",\"messages\":[{\"id\":\"S1\",\"text\":\"T\","
                        + "\"explanation\":\"E\",\"recovery\":{\"text\":\"R\",\"url\":\"https://u\"}}]}}"));
        assertEquals(List.of(), read("{\"status\":\"Running\"}"));
    }

    @Test
    void aFormattedTextIsFilledFromItsArgumentsAndItsLinkIsKept() throws Exception {
        var messages = read("{\"messages\":[{\"id\":\"F\",\"text\":{\"text\":\"Job {0} failed on {1}.\","
                + "\"format\":[\"12\",\"node-a\"],\"link\":\"https://help\"},"
                + "\"explanation\":{\"text\":\"Disk {0} is full.\",\"format\":[\"/opt\"]}}]}");
        assertEquals(
                List.of(new LxcaMessage("F", "Job 12 failed on node-a.", "Disk /opt is full.", "", "https://help")),
                messages);
    }

    @Test
    void toleratesOddShapes() throws Exception {
        assertEquals(List.of(new LxcaMessage("", "plain", "", "", "")), read("{\"messages\":[\"plain\", 42]}"));
        assertEquals(List.of(), read("{\"messages\":\"not a list\"}"));
        assertEquals(List.of(), read("[]"));
        assertEquals(List.of(), LxcaMessage.listFrom(null));
    }

    @Test
    void aMessageWithNothingInItAddsNoEmptyLine() {
        assertEquals(
                "FQXHMSE0001J: No.",
                LxcaMessage.describeAll(List.of(
                        new LxcaMessage("", "", "", "", ""),
                        new LxcaMessage("FQXHMSE0001J", "No.", "", "", ""),
                        new LxcaMessage("", " ", "", "", ""))));
    }
}
