package io.github.lxca.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            Fields fields = Fields.of(node);
            List<String> words = new ArrayList<>();
            for (JsonNode field :
                    new JsonNode[] {fields.detailInfo, fields.description, fields.status, fields.message}) {
                String text = Fields.text(field);
                if (text != null && !words.contains(text)) {
                    words.add(text);
                }
            }
            LxcaMessage.listFrom(node).forEach(message -> words.add(message.describe()));
            into.add(new UpdateHistoryEntry(
                    Fields.text(fields.fixId),
                    Fields.text(fields.fileName),
                    Fields.text(fields.version),
                    Fields.text(fields.flavor),
                    Fields.text(fields.dateApplied, fields.appliedDate),
                    Fields.text(fields.installationFailedDate, fields.failedDate),
                    words));
            return;
        }
        node.forEach(child -> collect(child, into));
    }

    /**
     * One entry's fields as LXCA sends them, bound by Jackson: the documented ones, the JSON field "fixid" with its
     * alternative spelling "fixId" (undocumented, still accepted), and the older date names
     * {@code appliedDate} and {@code failedDate}, which count only where the documented {@code dateApplied} and
     * {@code installationFailedDate} are blank. Unknown fields are ignored and missing ones are null; each is kept
     * as JSON so that a value of another type (a number, an object) is tolerated, and only a non-blank value
     * counts ({@link #text}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fields(
            @JsonProperty("fixid") @JsonAlias("fixId") JsonNode fixId,
            JsonNode fileName,
            JsonNode version,
            JsonNode flavor,
            JsonNode dateApplied,
            JsonNode appliedDate,
            JsonNode installationFailedDate,
            JsonNode failedDate,
            JsonNode detailInfo,
            JsonNode description,
            JsonNode status,
            JsonNode message) {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        static Fields of(JsonNode entry) {
            try {
                return MAPPER.treeToValue(entry, Fields.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A JSON object binds to the history entry's fields", e);
            }
        }

        /**
         * The text of the first value that is one and not blank, stripped and cleaned by {@link ServerText}, or null.
         */
        static String text(JsonNode... values) {
            for (JsonNode value : values) {
                if (value != null && value.isValueNode() && !value.asText("").isBlank()) {
                    return ServerText.clean(value.asText()).strip();
                }
            }
            return null;
        }
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
