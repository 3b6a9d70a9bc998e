package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * The free space of LXCA's updates repository, from the reply to {@code GET
 * /managementServer/updates?key=size} ({@code allotment}, {@code freeSpace}). Taken to be bytes (our
 * inference: no source states the unit); a value that is not a whole number counts as unknown.
 */
final class RepositorySpace {
    private RepositorySpace() {}

    /** The free bytes, found at any depth of the reply; empty when the reply does not say. */
    static OptionalLong freeBytes(JsonNode reply) {
        if (reply == null) {
            return OptionalLong.empty();
        }
        JsonNode free = reply.findValue("freeSpace");
        if (free == null) {
            return OptionalLong.empty();
        }
        if (free.isIntegralNumber() && free.asLong() >= 0) {
            return OptionalLong.of(free.asLong());
        }
        String text = free.asText("").strip();
        return text.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }
}
