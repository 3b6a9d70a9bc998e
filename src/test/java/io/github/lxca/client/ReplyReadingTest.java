package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a reply reads at its edges: the excerpt a refusal shows (200 characters of at most the first 4 KiB, marked
 * when cut), which statuses are redirects, and what a probe's status means while LXCA may be restarting (only
 * 502, 503 and 504 are LXCA being away; the statuses beside them are refusals).
 */
class ReplyReadingTest {
    private static final String REFUSAL =
            "{\"result\":\"failed\",\"messages\":[{\"id\":\"FQXHMSE0001J\",\"text\":\"No.\"}]}";
    private final ObjectMapper mapper = new ObjectMapper();

    private Reply reply(int status, String body) {
        return reply(status, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private Reply reply(int status, byte[] body, boolean truncated) {
        return new Reply(status, body, truncated, null, mapper);
    }

    @Test
    void anExcerptOf200CharactersIsWholeAndOneMoreIsCut() {
        String exactly = "a".repeat(200);

        assertEquals("\"" + exactly + "\"", reply(500, exactly).excerpt());
        assertEquals("\"" + exactly + "…\"", reply(500, exactly + "b").excerpt());
        assertEquals("(empty body)", reply(500, "").excerpt());
    }

    @Test
    void onlyTheFirst4KiBAreReadAndMoreIsMarkedAsCut() {
        String short4k = "x" + " ".repeat(4094) + "y"; // 4096 bytes that clean to "x y"
        assertEquals("\"x y\"", reply(500, short4k).excerpt());
        assertEquals("\"x y…\"", reply(500, short4k + "z").excerpt(), "the 4097th byte is not read, but counts");
        assertEquals(
                "\"x y…\"",
                reply(500, short4k.getBytes(StandardCharsets.UTF_8), true).excerpt(),
                "a body cut when read is marked");
    }

    @Test
    void markupIsLeftOutOfAnExcerpt() {
        assertEquals(
                "\"Gateway Timeout from the proxy\"",
                reply(
                                504,
                                "<html><head><style>b{}</style><script>x()</script></head><body><h1>Gateway"
                                        + " Timeout</h1>\n<p>from the proxy</p></body></html>")
                        .excerpt());
    }

    @ParameterizedTest
    @CsvSource({"199,false", "200,true", "204,true", "299,true", "300,false"})
    void successIsThe2xxStatuses(int status, boolean success) {
        assertEquals(success, reply(status, "").isSuccessStatus());
    }

    @ParameterizedTest
    @CsvSource({"299,false", "300,true", "302,true", "399,true", "400,false"})
    void redirectsAreThe3xxStatuses(int status, boolean redirect) {
        assertEquals(redirect, reply(status, "").isRedirect());
    }

    @ParameterizedTest
    @CsvSource({"501,REFUSED", "502,AWAY", "503,AWAY", "504,AWAY", "505,REFUSED"})
    void aProbeIsAwayOnlyOn502To504(int status, Probe.Kind kind) {
        Probe<Reply> probe = ErrorTranslator.probe(reply(status, REFUSAL), "read the version LXCA runs", null);

        assertEquals(kind, probe.kind());
        assertEquals(
                kind == Probe.Kind.AWAY
                        ? "HTTP " + status
                        : "LXCA refused to read the version LXCA runs: HTTP " + status,
                probe.reason());
    }

    private static void assertProbe(Probe.Kind kind, String reason, Probe<?> probe) {
        assertEquals(kind, probe.kind());
        assertEquals(reason, probe.reason());
    }

    @Test
    void aProbesOtherRepliesAreSortedByTheirMeaning() {
        assertProbe(
                Probe.Kind.SESSION_GONE,
                "HTTP 401",
                ErrorTranslator.probe(reply(401, REFUSAL), "read the version", null));
        assertProbe(
                Probe.Kind.SESSION_GONE,
                "HTTP 403",
                ErrorTranslator.probe(reply(403, REFUSAL), "read the version", null));
        assertProbe(
                Probe.Kind.NOT_FOUND, "HTTP 404", ErrorTranslator.probe(reply(404, REFUSAL), "read the version", null));
        assertProbe(
                Probe.Kind.AWAY,
                "HTTP 503 \"Service Unavailable\"",
                ErrorTranslator.probe(reply(503, "<h1>Service Unavailable</h1>"), "read the version", null));
        assertProbe(
                Probe.Kind.AWAY,
                "HTTP 200 with a page that is not LXCA's JSON: \"Please sign in\"",
                ErrorTranslator.probe(reply(200, "<form>Please sign in</form>"), "read the version", null));
        Reply answer = reply(200, "{\"result\":\"success\"}");
        Probe<Reply> answered = ErrorTranslator.probe(answer, "read the version", null);
        assertTrue(answered.answered());
        assertSame(answer, answered.value());
    }

    @ParameterizedTest
    @CsvSource({"501,REFUSED", "502,AWAY", "504,AWAY", "505,REFUSED"})
    void aFailedLoginProbeIsAwayOnlyOn502To504(int status, Probe.Kind kind) {
        LxcaRejectedException refusal =
                new LxcaRejectedException("LXCA refused to log in: HTTP " + status, status, null, List.of(), null);

        Probe<Void> probe = ErrorTranslator.probe(refusal);

        assertEquals(kind, probe.kind());
        assertEquals(kind == Probe.Kind.AWAY ? "HTTP " + status : refusal.getMessage(), probe.reason());
    }

    @Test
    void aFailedLoginProbeWithoutAConnectionIsAway() {
        LxcaConnectionException down =
                new LxcaConnectionException("Cannot connect to LXCA", null, List.of(), null, null);

        assertProbe(Probe.Kind.AWAY, "Cannot connect to LXCA", ErrorTranslator.probe(down));
        assertTrue(ErrorTranslator.probe(new LxcaProtocolException("odd", null, List.of(), null, null))
                .kind()
                .equals(Probe.Kind.REFUSED));
    }
}
