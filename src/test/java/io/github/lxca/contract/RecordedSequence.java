package io.github.lxca.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request sequence of one import as a Lenovo client sends it, written down in a test resource
 * ({@code contract/*.json}): per request its step name, method, path, query, the headers that matter, and its JSON
 * body or its multipart parts. Values may hold placeholders such as {@code ${csrf}}, which {@link Bindings} fill.
 */
record RecordedSequence(String client, List<String> comparedHeaders, List<Request> requests) {

    record Part(String name, String filename, String contentType) {}

    /**
     * @param repeatUntil for a poll, the task state after which the client stops repeating it; null otherwise
     * @param json the JSON body, or null
     * @param parts the multipart parts in order, or empty
     */
    record Request(
            String step,
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            JsonNode json,
            List<Part> parts,
            String repeatUntil) {

        /** Whether a request with this method and path, placeholders filled, is this one's. */
        boolean matches(String method, String path, Bindings bindings) {
            return this.method.equals(method) && bindings.fill(this.path).equals(path);
        }
    }

    static RecordedSequence load(String resource) {
        try (InputStream in = RecordedSequence.class.getResourceAsStream("/contract/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource contract/" + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> headers = new ArrayList<>();
            root.path("comparedHeaders").forEach(name -> headers.add(name.asText()));
            List<Request> requests = new ArrayList<>();
            for (JsonNode request : root.path("requests")) {
                List<Part> parts = new ArrayList<>();
                request.path("parts")
                        .forEach(part -> parts.add(new Part(
                                part.path("name").asText(),
                                part.path("filename").asText(),
                                part.path("contentType").asText())));
                requests.add(new Request(
                        request.path("step").asText(),
                        request.path("method").asText(),
                        request.path("path").asText(),
                        texts(request.path("query")),
                        texts(request.path("headers")),
                        request.has("json") ? request.get("json") : null,
                        List.copyOf(parts),
                        request.hasNonNull("repeatUntil")
                                ? request.get("repeatUntil").asText()
                                : null));
            }
            return new RecordedSequence(root.path("client").asText(), List.copyOf(headers), List.copyOf(requests));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields()
                .forEachRemaining(
                        field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }
}
