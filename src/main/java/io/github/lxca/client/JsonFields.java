package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads LXCA's replies, whose field names vary between versions and calls ({@code jobid}, {@code jobId}, ...). */
final class JsonFields {
    private JsonFields() {}

    /**
     * The text of the first of {@code fields} that {@code node} has as a non-blank value, stripped and cleaned by
     * {@link ServerText} (it may end up in a log line); else null.
     */
    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isValueNode() && !value.asText("").isBlank()) {
                return ServerText.clean(value.asText()).strip();
            }
        }
        return null;
    }

    /**
     * The text of {@code field} as it came, stripped, or null: for a secret (the CSRF token, the session id), which
     * is never printed and must not be masked.
     */
    static String secretText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText("").isBlank()
                ? value.asText().strip()
                : null;
    }

    /** The text of {@code field}, stripped, or "" when {@code node} has no such value. */
    static String text(JsonNode node, String field) {
        String text = firstText(node, field);
        return text == null ? "" : text;
    }
}
