package io.github.lxca.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Puts a {@link Reply} on the wire, including the two that are not replies: a dropped connection and an endless body. */
final class ReplyWriter {
    /** How long a trickled reply waits between two bytes of its body. */
    static final Duration TRICKLE_INTERVAL = Duration.ofSeconds(2);
    /** The shortest trickled body: 300 bytes at one every 2 s take 10 min. */
    static final int TRICKLED_BYTES = 300;

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
        if (reply.isTrickled()) {
            writeTrickled(reply, request, response, callback);
            return;
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /**
     * Sends the status and headers (with the Content-Length), then the body one byte at a time, {@link
     * #TRICKLE_INTERVAL} apart, each flushed: a reply whose every read makes progress, so that only a deadline on the
     * whole call ends it. Records {@code trickle-end <bytes> <path>} when the client hung up or the body was sent.
     */
    private void writeTrickled(Reply reply, Request request, Response response, Callback callback) {
        byte[] body = padded(reply.body());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        int sent = 0;
        try (var out = Content.Sink.asOutputStream(response)) {
            out.flush();
            for (byte b : body) {
                Thread.sleep(TRICKLE_INTERVAL.toMillis());
                out.write(b);
                out.flush();
                sent++;
            }
            callback.succeeded();
        } catch (IOException clientHungUp) {
            callback.failed(clientHungUp);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            callback.failed(stopping);
        } finally {
            state.event("trickle-end " + sent + " of " + body.length + " " + Request.getPathInContext(request));
        }
    }

    /**
     * A trickled body of at least {@value #TRICKLED_BYTES} bytes (JSON padded with trailing spaces, which JSON allows), so
     * that even a short reply trickles for over 10 min: only a deadline on the whole call ends it sooner.
     */
    private static byte[] padded(byte[] body) {
        if (body.length >= TRICKLED_BYTES) {
            return body;
        }
        byte[] padded = Arrays.copyOf(body, TRICKLED_BYTES);
        Arrays.fill(padded, body.length, TRICKLED_BYTES, (byte) ' ');
        return padded;
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
