package io.github.lxca.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** LXCA's reply envelopes and the request-body helpers every endpoint shares. */
final class Replies {
    static final String JSON = "application/com.lenovo.lxca-v3.0.0+json;charset=UTF-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Replies() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode success() {
        ObjectNode reply = object().put("result", "success");
        reply.putArray("messages");
        return reply;
    }

    static ObjectNode failure(String id, String text, String explanation, String recovery) {
        ObjectNode reply = object().put("result", "failed");
        ObjectNode message = reply.putArray("messages")
                .addObject()
                .put("id", id)
                .put("text", text)
                .put("explanation", explanation);
        message.putObject("recovery").put("text", recovery).put("URL", "https://lxca.example/help/" + id);
        return reply;
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, bytes(body), List.of());
    }

    static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply html(int status, String body) {
        return Reply.text(status, "text/html", body);
    }

    /** A reply with no body and no Content-Type at all. */
    static Reply empty(int status) {
        return Reply.text(status, null, "");
    }

    /** The request's body as JSON, or null when it is not JSON; the {@link ExchangeLog} keeps it as it came. */
    static JsonNode readJson(Request request) throws IOException {
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        ExchangeLog.body(request, body);
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static void drain(Request request) throws IOException {
        Content.Source.consumeAll(request);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
