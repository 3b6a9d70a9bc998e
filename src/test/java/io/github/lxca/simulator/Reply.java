package io.github.lxca.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;

/** What an endpoint answers: {@link ReplyWriter} puts it on the wire. */
record Reply(int status, String contentType, byte[] body, List<HttpCookie> cookies, Map<String, String> headers) {
    /** Signals that the connection is to be dropped on purpose and nothing written. */
    static final Reply DROPPED = new Reply(0, null, null, List.of());
    /** Signals a 500 whose body goes on until the client gives up (bounded at 1 GiB). */
    static final Reply ENDLESS = new Reply(500, "application/json", null, List.of());

    Reply(int status, String contentType, byte[] body, List<HttpCookie> cookies) {
        this(status, contentType, body, cookies, Map.of());
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    Reply withHeader(String name, String value) {
        return new Reply(status, contentType, body, cookies, Map.of(name, value));
    }
}
