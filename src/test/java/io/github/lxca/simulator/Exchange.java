package io.github.lxca.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request the simulator answered, as it arrived, and the reply's status and body: what a contract test compares
 * with another client's requests. Only in memory: its headers hold the session's secrets.
 *
 * @param user the user of the request's session, or the user a log-in named; null when neither is known
 * @param headers the request's headers by case-insensitive name, the first value of each
 * @param body the request's body as text when an endpoint read it as JSON, else null
 * @param parts the file parts of an upload, in order; empty for any other request
 * @param sessionCsrf the CSRF token of the request's session, or of the session a log-in opened; null when none
 * @param reply the reply's body as text, or null when it had none that is text
 */
public record Exchange(
        String user,
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        List<ReceivedFile> parts,
        String sessionCsrf,
        int status,
        String reply) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Exchange {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        headers = Collections.unmodifiableMap(byName);
        query = Map.copyOf(query);
        parts = List.copyOf(parts);
    }

    public String pathAndQuery() {
        return path
                + (query.isEmpty()
                        ? ""
                        : "?"
                                + String.join(
                                        "&",
                                        new TreeMap<>(query)
                                                .entrySet().stream()
                                                        .map(parameter ->
                                                                parameter.getKey() + "=" + parameter.getValue())
                                                        .toList()));
    }

    /** The request's body as JSON, or null. */
    public JsonNode json() {
        return parse(body);
    }

    /** The reply's body as JSON, or null. */
    public JsonNode replyJson() {
        return parse(reply);
    }

    /** The same request with this header set, or removed when {@code value} is null: for tests that change one field. */
    public Exchange withHeader(String name, String value) {
        TreeMap<String, String> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        changed.putAll(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new Exchange(user, method, path, query, changed, body, parts, sessionCsrf, status, reply);
    }

    public Exchange withBody(String changed) {
        return new Exchange(user, method, path, query, headers, changed, parts, sessionCsrf, status, reply);
    }

    public Exchange withParts(List<ReceivedFile> changed) {
        return new Exchange(user, method, path, query, headers, body, changed, sessionCsrf, status, reply);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }
}
