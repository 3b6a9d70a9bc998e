package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.testing.RecordingLog;
import java.net.ConnectException;
import java.util.List;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    private final RecordingLog log = new RecordingLog();

    @Test
    void aRequestThatGotAReplyIsOneDebugLineWithItsStatus() throws Exception {
        ExecChain replies = (request, scope) -> new BasicClassicHttpResponse(503);

        new RequestLog(log).execute(new HttpGet("https://lxca.example.com/tasks/17"), null, replies);

        List<String> lines = log.lines();
        assertEquals(1, lines.size(), String.valueOf(lines));
        assertTrue(lines.get(0).matches("DEBUG GET /tasks/17 -> HTTP 503 after \\d+ ms"), lines.get(0));
    }

    @Test
    void aRequestThatFailedIsOneDebugLineWithTheFailure() {
        ExecChain refused = (request, scope) -> {
            throw new ConnectException("Connection refused");
        };

        assertThrows(
                ConnectException.class,
                () -> new RequestLog(log).execute(new HttpGet("https://lxca.example.com/sessions"), null, refused));

        List<String> lines = log.lines();
        assertEquals(1, lines.size(), String.valueOf(lines));
        assertTrue(lines.get(0).matches("DEBUG GET /sessions -> ConnectException after \\d+ ms"), lines.get(0));
    }

    @Test
    void showsThePathAndTheValuesOfActionKeyAndJobId() {
        assertEquals(
                "/files/managementServer/updates?action=import&jobid=17",
                RequestLog.describe("/files/managementServer/updates?action=import&jobid=17"));
        assertEquals(
                "/managementServer/updates?key=updates", RequestLog.describe("/managementServer/updates?key=updates"));
        assertEquals("/sessions", RequestLog.describe("/sessions"));
        assertEquals("/tasks/17?includeChildren=true", RequestLog.describe("/tasks/17?includeChildren=true"));
    }

    @Test
    void hidesTheValuesOfOtherQueryParameters() {
        assertEquals(
                "/tasks?action=cancel&token=***&flag", RequestLog.describe("/tasks?action=cancel&token=s3cret&flag"));
    }

    @Test
    void hidesAValueAtTheVeryStartOfTheQueryOrWithoutAName() {
        assertEquals("?token=***", RequestLog.describe("?token=s3cret"));
        assertEquals("/tasks?=***&action=cancel", RequestLog.describe("/tasks?=s3cret&action=cancel"));
    }
}
