package io.github.lxca.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;

/**
 * Sends a {@link RecordedSequence} as its client would: the recorded headers and bodies, the CSRF token taken from
 * the {@code csrf} cookie after the log-in (as pylxca does), the job id from the create-job reply, polls repeated
 * until the recorded state. Any reply outside 2xx fails the replay with its status and body.
 */
final class SequenceReplay {
    private static final int MAX_POLLS = 20;

    private final ObjectMapper mapper = new ObjectMapper();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final URI base;

    SequenceReplay(URI base, SSLContext tls) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param files the set's files, found by the parts' file names
     * @param partName the name of part {@code i}, or null to send the recorded names
     * @param fileName the file sent as part {@code i}, or null to send the recorded ones
     * @return the state the task ended in
     */
    String replay(
            RecordedSequence sequence,
            Bindings bindings,
            List<Path> files,
            IntFunction<String> partName,
            IntFunction<String> fileName)
            throws IOException, InterruptedException {
        String lastState = null;
        for (RecordedSequence.Request request : sequence.requests()) {
            for (int attempt = 0; attempt < (request.repeatUntil() == null ? 1 : MAX_POLLS); attempt++) {
                JsonNode reply = send(request, bindings, files, partName, fileName);
                if (request.step().equals("log in")) {
                    bindings.with(
                            "csrf",
                            cookies.getCookieStore().get(base).stream()
                                    .filter(cookie -> cookie.getName().equals("csrf"))
                                    .map(HttpCookie::getValue)
                                    .findFirst()
                                    .orElseThrow(
                                            () -> new AssertionError("the log-in set no csrf cookie, where pylxca takes"
                                                    + " its X-Csrf-Token from")));
                }
                if (reply != null && reply.hasNonNull("jobid")) {
                    bindings.with("jobid", reply.get("jobid").asText());
                }
                if (request.repeatUntil() != null) {
                    lastState = reply != null && reply.isArray()
                            ? reply.path(0).path("status").asText()
                            : null;
                    if (request.repeatUntil().equals(lastState)) {
                        break;
                    }
                }
            }
        }
        return lastState;
    }

    private JsonNode send(
            RecordedSequence.Request recorded,
            Bindings bindings,
            List<Path> files,
            IntFunction<String> partName,
            IntFunction<String> fileName)
            throws IOException, InterruptedException {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        recorded.query()
                .forEach((name, value) ->
                        query.add(name + "=" + URLEncoder.encode(bindings.fill(value), StandardCharsets.UTF_8)));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (!recorded.parts().isEmpty()) {
            bindings.with("boundary", "pylxca" + UUID.randomUUID().toString().replace("-", ""));
            body = HttpRequest.BodyPublishers.ofByteArray(
                    multipart(recorded.parts(), bindings, files, partName, fileName));
        } else if (recorded.json() != null) {
            body = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(bindings.fill(recorded.json())));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + bindings.fill(recorded.path()) + query))
                .method(recorded.method(), body)
                .timeout(Duration.ofSeconds(30));
        for (Map.Entry<String, String> header : recorded.headers().entrySet()) {
            request.header(header.getKey(), bindings.fill(header.getValue()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(recorded.step() + " (" + recorded.method() + " " + recorded.path() + ") got HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? null : mapper.readTree(response.body());
        } catch (IOException notJson) {
            return null;
        }
    }

    private static byte[] multipart(
            List<RecordedSequence.Part> parts,
            Bindings bindings,
            List<Path> files,
            IntFunction<String> partName,
            IntFunction<String> fileName)
            throws IOException {
        String boundary = bindings.fill("${boundary}");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            RecordedSequence.Part part = parts.get(i);
            String sent = fileName == null ? bindings.fill(part.filename()) : fileName.apply(i);
            Path file = files.stream()
                    .filter(f -> f.getFileName().toString().equals(sent))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no file " + sent));
            String name = partName == null ? part.name() : partName.apply(i);
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + sent + "\"\r\nContent-Type: " + part.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(file));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
