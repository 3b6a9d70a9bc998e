package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of LXCA's update history ({@code GET /managementServer/updates?key=history}). Lenovo documents an
 * entry's attributes as {@code buildNumber}, {@code dateApplied}, {@code description}, {@code detailInfo},
 * {@code fileName}, {@code flavor}, {@code installationFailedDate} and {@code version}; there is no fix id in it.
 * Entries are read at any depth: an object is one when it has {@code fileName}, the fields "fixid"/"fixId"
 * (still accepted, though undocumented), {@code flavor}, {@code dateApplied} or {@code installationFailedDate}.
 * The dates are {@code dateApplied} (also {@code appliedDate}) and {@code installationFailedDate} (also
 * {@code failedDate}); LXCA's words are {@code detailInfo}, {@code description}, {@code status},
 * {@code message} and the entry's {@code messages}.
 *
 * @param fixId the undocumented JSON field "fixid" (or "fixId"), or null
 * @param fileName the documented {@code fileName} ("update file name"), or null
 * @param version the documented {@code version}, the XClarity Administrator version the entry installs, or null
 * @param flavor the documented {@code flavor}, such as {@code base install}, or null
 */
public record UpdateHistoryEntry(
        String fixId,
        String fileName,
        String version,
        String flavor,
        String dateApplied,
        String installationFailedDate,
        List<String> words) {

    public UpdateHistoryEntry {
        words = List.copyOf(words);
    }

    /** An entry in the undocumented shape, named by its fix id only. */
    public UpdateHistoryEntry(String fixId, String dateApplied, String installationFailedDate, List<String> words) {
        this(fixId, null, null, null, dateApplied, installationFailedDate, words);
    }

    public boolean applied() {
        return dateApplied != null && installationFailedDate == null;
    }

    public boolean failed() {
        return installationFailedDate != null;
    }

    /** Whether the entry names an update: by its fix id (undocumented) or its file name (documented). */
    public boolean namesFile() {
        return fixId != null || fileName != null;
    }

    /**
     * Whether the entry names this fix id: its {@code fixid} is the fix id, or its {@code fileName} is the fix id
     * or the fix id plus an extension ({@code <fixid>.tgz}; that LXCA puts the fix id there is inferred).
     */
    public boolean names(String wanted) {
        if (wanted.equals(fixId) || wanted.equals(fileName)) {
            return true;
        }
        return fileName != null
                && fileName.startsWith(wanted + ".")
                && fileName.substring(wanted.length() + 1).matches("[A-Za-z][A-Za-z0-9.]*");
    }

    /** Whether the entry records the appliance's installation ({@code flavor} {@code base install}), not an update. */
    public boolean baseInstall() {
        return flavor != null && flavor.equalsIgnoreCase("base install");
    }

    public static List<UpdateHistoryEntry> from(JsonNode reply) {
        List<UpdateHistoryEntry> entries = new ArrayList<>();
        if (reply != null) {
            collect(reply, entries);
        }
        return entries;
    }

    private static void collect(JsonNode node, List<UpdateHistoryEntry> into) {
        if (node.isObject() && isEntry(node)) {
            List<String> words = new ArrayList<>();
            for (String field : new String[] {"detailInfo", "description", "status", "message"}) {
                String text = JsonFields.firstText(node, field);
                if (text != null && !words.contains(text)) {
                    words.add(text);
                }
            }
            LxcaMessage.listFrom(node).forEach(message -> words.add(message.describe()));
            into.add(new UpdateHistoryEntry(
                    JsonFields.firstText(node, "fixid", "fixId"),
                    JsonFields.firstText(node, "fileName"),
                    JsonFields.firstText(node, "version"),
                    JsonFields.firstText(node, "flavor"),
                    JsonFields.firstText(node, "dateApplied", "appliedDate"),
                    JsonFields.firstText(node, "installationFailedDate", "failedDate"),
                    words));
            return;
        }
        node.forEach(child -> collect(child, into));
    }

    private static boolean isEntry(JsonNode node) {
        for (String field :
                new String[] {"fixid", "fixId", "fileName", "flavor", "dateApplied", "installationFailedDate"}) {
            if (node.has(field)) {
                return true;
            }
        }
        return false;
    }
}
