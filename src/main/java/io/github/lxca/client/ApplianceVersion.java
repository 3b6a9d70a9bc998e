package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the version LXCA runs from its reply to {@code GET /managementServer/updates?key=currentVersion}.
 * No source shows that reply (inferred): the version is taken from a {@code currentVersion} field (text, or an
 * object with a {@code version}), else a {@code version} field, at the top level or under {@code response}.
 */
public final class ApplianceVersion {
    private ApplianceVersion() {}

    public static Optional<String> from(JsonNode reply) {
        if (reply == null) {
            return Optional.empty();
        }
        for (JsonNode node : new JsonNode[] {reply, reply.path("response"), reply.path("currentVersion")}) {
            JsonNode candidate = node.isArray() && node.size() > 0 ? node.get(0) : node;
            String text = JsonFields.firstText(candidate, "currentVersion", "version", "Version");
            if (text != null) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
