package io.github.lxca.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Puts a {@link Reply} on the wire, including the two that are not replies: a dropped connection and an endless body. */
final class ReplyWriter {
    private final SimulatorState state;

    ReplyWriter(SimulatorState state) {
        this.state = state;
    }

    /** The user is asked for only when the reply is {@link Reply#ENDLESS}, whose event names them. */
    void write(Reply reply, Request request, Response response, Callback callback, Supplier<String> user) {
        if (reply == Reply.DROPPED) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("connection dropped on purpose"));
            return;
        }
        if (reply == Reply.ENDLESS) {
            writeEndlessBody(response, callback, user.get());
            return;
        }
        response.setStatus(reply.status());
        if (reply.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        reply.cookies().forEach(cookie -> Response.addCookie(response, cookie));
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /**
     * Writes the endless body, then records {@code endless-body <bytes> <user>}: how many bytes the client
     * took before it closed the connection (or all of them, about 1 GiB, when it read to the end).
     */
    private void writeEndlessBody(Response response, Callback callback, String user) {
        response.setStatus(500);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] chunk =
                ("{\"result\":\"failed\",\"padding\":\"" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        long sent = 0;
        try (var out = Content.Sink.asOutputStream(response)) {
            for (int i = 0; i < 16 * 1024; i++) {
                out.write(chunk);
                sent += chunk.length;
            }
            callback.succeeded();
        } catch (IOException clientGaveUp) {
            callback.failed(clientGaveUp);
        } finally {
            state.event("endless-body " + sent + " " + user);
        }
    }
}
