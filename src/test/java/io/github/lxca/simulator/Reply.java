package io.github.lxca.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;

/**
 * What an endpoint answers: {@link ReplyWriter} puts it on the wire. A class, not a record: {@link #DROPPED} and
 * {@link #ENDLESS} are told apart by identity, and a record's equals would neither compare the body's bytes nor
 * keep another reply with the same fields from passing for a sentinel.
 */
final class Reply {
    /** Signals that the connection is to be dropped on purpose and nothing written. */
    static final Reply DROPPED = new Reply(0, null, null, List.of());
    /** Signals a 500 whose body goes on until the client gives up (bounded at 1 GiB). */
    static final Reply ENDLESS = new Reply(500, "application/json", null, List.of());

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final List<HttpCookie> cookies;
    private final Map<String, String> headers;
    private final boolean trickled;

    Reply(int status, String contentType, byte[] body, List<HttpCookie> cookies, Map<String, String> headers) {
        this(status, contentType, body, cookies, headers, false);
    }

    private Reply(
            int status,
            String contentType,
            byte[] body,
            List<HttpCookie> cookies,
            Map<String, String> headers,
            boolean trickled) {
        this.trickled = trickled;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.cookies = cookies;
        this.headers = headers;
    }

    Reply(int status, String contentType, byte[] body, List<HttpCookie> cookies) {
        this(status, contentType, body, cookies, Map.of());
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    Reply withHeader(String name, String value) {
        return new Reply(status, contentType, body, cookies, Map.of(name, value));
    }

    /** The same reply, its body sent one byte every {@link ReplyWriter#TRICKLE_INTERVAL}. */
    Reply trickled() {
        return new Reply(status, contentType, body, cookies, headers, true);
    }

    boolean isTrickled() {
        return trickled;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    List<HttpCookie> cookies() {
        return cookies;
    }

    Map<String, String> headers() {
        return headers;
    }
}
