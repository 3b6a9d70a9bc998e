package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of LXCA's update history ({@code GET /managementServer/updates?key=history}): the fix id, when it
 * was applied, when its installation failed, and what the entry says in words. The shape is inferred: entries
 * are read at any depth wherever an object has a field {@code "fixid"}; {@code dateApplied} (also {@code appliedDate}),
 * {@code installationFailedDate} (also {@code failedDate}); the words come from {@code status},
 * {@code description}, {@code message} and the entry's {@code messages}.
 */
public record UpdateHistoryEntry(String fixId, String dateApplied, String installationFailedDate, List<String> words) {

    public UpdateHistoryEntry {
        words = List.copyOf(words);
    }

    public boolean applied() {
        return dateApplied != null && installationFailedDate == null;
    }

    public boolean failed() {
        return installationFailedDate != null;
    }

    public static List<UpdateHistoryEntry> from(JsonNode reply) {
        List<UpdateHistoryEntry> entries = new ArrayList<>();
        if (reply != null) {
            collect(reply, entries);
        }
        return entries;
    }

    private static void collect(JsonNode node, List<UpdateHistoryEntry> into) {
        if (node.isObject()) {
            String fixId = JsonFields.firstText(node, "fixid", "fixId");
            if (fixId != null) {
                List<String> words = new ArrayList<>();
                for (String field : new String[] {"status", "description", "message"}) {
                    String text = JsonFields.firstText(node, field);
                    if (text != null) {
                        words.add(text);
                    }
                }
                LxcaMessage.listFrom(node).forEach(message -> words.add(message.describe()));
                into.add(new UpdateHistoryEntry(
                        fixId,
                        JsonFields.firstText(node, "dateApplied", "appliedDate"),
                        JsonFields.firstText(node, "installationFailedDate", "failedDate"),
                        words));
                return;
            }
        }
        node.forEach(child -> collect(child, into));
    }
}
