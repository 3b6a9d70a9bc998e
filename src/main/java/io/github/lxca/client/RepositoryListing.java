package io.github.lxca.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads the fix ids of the updates that LXCA's management-server updates repository holds from its listing. */
final class RepositoryListing {
    private RepositoryListing() {}

    static Set<String> fixIds(JsonNode listing) {
        Set<String> fixIds = new TreeSet<>();
        collectFixIds(listing, fixIds);
        return fixIds;
    }

    /**
     * Entries may sit at any depth, depending on LXCA's version: every {@code fixid} value counts, unless
     * its entry says that the payload is not there.
     */
    private static void collectFixIds(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            Entry entry = Entry.of(node);
            String fixId = UpdateHistoryEntry.Fields.text(entry.fixId());
            if (fixId != null && entry.holdsPayload()) {
                into.add(fixId);
            }
        }
        node.forEach(child -> collectFixIds(child, into));
    }

    /**
     * LXCA lists updates it only knows about, from Lenovo's catalog or deleted without their metadata, with
     * a status such as "Not Downloaded"; those are not in the repository. An entry without a status counts.
     */
    static boolean holdsPayload(JsonNode entry) {
        return Entry.of(entry).holdsPayload();
    }

    /**
     * One listing entry's fields, bound by Jackson: the JSON field "fixid" (or "fixId"), and its {@code status}, else
     * its {@code downloadStatus}. Unknown fields are ignored and missing ones are null; each is kept as JSON so that
     * a value of another type is tolerated.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("fixid") @JsonAlias("fixId") JsonNode fixId, JsonNode status, JsonNode downloadStatus) {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        static Entry of(JsonNode entry) {
            try {
                return MAPPER.treeToValue(entry, Entry.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A JSON object binds to the listing entry's fields", e);
            }
        }

        boolean holdsPayload() {
            String text = UpdateHistoryEntry.Fields.text(status, downloadStatus);
            if (text == null) {
                return true;
            }
            String key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            // only a download status speaks of the payload: "Not Applied" is an imported update not yet installed
            return !(key.contains("notdownloaded") || key.contains("partiallydownloaded") || key.equals("downloading"));
        }
    }
}
