package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A reply from LXCA, read with a size cap: status, body bytes and, when the body is JSON, its tree. */
final class Reply {
    private static final int EXCERPT_LENGTH = 200;

    private final int status;
    private final byte[] body;
    private final boolean truncated;
    private final JsonNode json;
    private final Duration retryAfter;
    private final String location;

    /** @param retryAfter how long its {@code Retry-After} header asks to wait; null without one */
    Reply(int status, byte[] body, boolean truncated, Duration retryAfter, ObjectMapper mapper) {
        this(status, body, truncated, retryAfter, mapper, null);
    }

    /** @param location its {@code Location} header, or null */
    Reply(int status, byte[] body, boolean truncated, Duration retryAfter, ObjectMapper mapper, String location) {
        this.location = location;
        this.status = status;
        this.body = body;
        this.truncated = truncated;
        this.retryAfter = retryAfter;
        this.json = parse(body, mapper);
    }

    private static JsonNode parse(byte[] body, ObjectMapper mapper) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            return tree != null && tree.isContainerNode() ? tree : null;
        } catch (IOException e) {
            return null; // not JSON: the caller reports the status and an excerpt instead
        }
    }

    int status() {
        return status;
    }

    /** How long LXCA (or a proxy) asks to wait before trying again, from its {@code Retry-After} header. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The redirect's target from the {@code Location} header, cleaned for printing; empty without one. */
    Optional<String> location() {
        return Optional.ofNullable(location).map(ServerText::clean);
    }

    boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** Whether any of LXCA's messages in the reply gives recovery advice. */
    boolean hasRecoveryAdvice() {
        return LxcaMessage.hasRecoveryAdvice(messages());
    }

    boolean isSuccessStatus() {
        return status >= 200 && status < 300;
    }

    /** The JSON body, or null when the body is empty, truncated, HTML or otherwise not JSON. */
    JsonNode json() {
        return json;
    }

    /** What LXCA's envelope says, whatever the HTTP status. */
    ReplyVerdict verdict() {
        return ReplyVerdict.of(json);
    }

    /** LXCA's envelope says the request failed, whatever the HTTP status. */
    boolean saysFailure() {
        return verdict().isFailure();
    }

    List<LxcaMessage> messages() {
        return LxcaMessage.listFrom(json);
    }

    /** A short, printable excerpt of the body: markup and control characters removed. */
    String excerpt() {
        if (body.length == 0) {
            return "(empty body)";
        }
        String text = ServerText.clean(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8)
                        .replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                        .replaceAll("<[^>]*>", " "))
                .replaceAll("\\s+", " ")
                .strip();
        boolean cut = text.length() > EXCERPT_LENGTH || truncated || body.length > 4096;
        return "\"" + (text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) : text) + (cut ? "…" : "")
                + "\"";
    }
}
