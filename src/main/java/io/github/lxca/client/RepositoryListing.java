package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
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
            String fixId = JsonFields.firstText(node, "fixid", "fixId");
            if (fixId != null && holdsPayload(node)) {
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
        String status = JsonFields.firstText(entry, "status", "downloadStatus");
        if (status == null) {
            return true;
        }
        String key = status.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        // only a download status speaks of the payload: "Not Applied" is an imported update not yet installed
        return !(key.contains("notdownloaded") || key.contains("partiallydownloaded") || key.equals("downloading"));
    }
}
