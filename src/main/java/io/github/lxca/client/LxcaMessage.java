package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One message in LXCA's own words: id, text, explanation and recovery. Any part may be empty. */
public record LxcaMessage(String id, String text, String explanation, String recovery, String recoveryUrl) {

    /** Every part is server text: cleaned once here ({@link ServerText}), wherever it is printed later. */
    public LxcaMessage {
        id = ServerText.clean(id);
        text = ServerText.clean(text);
        explanation = ServerText.clean(explanation);
        recovery = ServerText.clean(recovery);
        recoveryUrl = ServerText.clean(recoveryUrl);
    }

    /** Whether any message gives recovery advice (a text or a link), which a "What to do" may point to. */
    public static boolean hasRecoveryAdvice(List<LxcaMessage> messages) {
        return messages.stream()
                .anyMatch(m -> !m.recovery().isBlank() || !m.recoveryUrl().isBlank());
    }

    /** Reads the messages of a reply body in any of the shapes LXCA is known to send. */
    public static List<LxcaMessage> listFrom(JsonNode body) {
        List<LxcaMessage> messages = new ArrayList<>();
        if (body == null) {
            return messages;
        }
        collect(body.path("messages"), messages);
        collect(body.path("errorMsg").path("messages"), messages);
        collect(body.path("response").path("messages"), messages);
        collect(body.path("status").path("messages"), messages);
        return messages;
    }

    static void collect(JsonNode array, List<LxcaMessage> into) {
        if (!array.isArray()) {
            return;
        }
        for (JsonNode node : array) {
            if (node.isTextual()) {
                into.add(new LxcaMessage("", node.asText(), "", "", ""));
            } else if (node.isObject()) {
                into.add(of(node));
            }
        }
    }

    private static LxcaMessage of(JsonNode node) {
        JsonNode recovery = node.path("recovery");
        List<String> recoveryTexts = new ArrayList<>();
        List<String> recoveryUrls = new ArrayList<>();
        readRecovery(recovery, recoveryTexts, recoveryUrls);
        String url = JsonFields.text(node, "recoveryUrl");
        if (!url.isEmpty()) {
            recoveryUrls.add(url);
        }
        String link = JsonFields.text(node.path("text"), "link");
        if (!link.isEmpty()) {
            recoveryUrls.add(link);
        }
        return new LxcaMessage(
                JsonFields.text(node, "id"),
                textOf(node.path("text")),
                textOf(node.path("explanation")),
                String.join(" ", recoveryTexts),
                String.join(" ", recoveryUrls));
    }

    /**
     * A plain text, or a formatted one {@code {text, format[], link}} whose {@code {0}}, {@code {1}}, ...
     * are filled from {@code format}.
     */
    static String textOf(JsonNode text) {
        if (!text.isObject()) {
            return text.isValueNode() ? text.asText().strip() : "";
        }
        String filled = JsonFields.text(text, "text");
        JsonNode arguments = text.path("format");
        for (int index = 0; index < arguments.size(); index++) {
            filled = filled.replace("{" + index + "}", arguments.get(index).asText());
        }
        return filled;
    }

    private static void readRecovery(JsonNode recovery, List<String> texts, List<String> urls) {
        if (recovery.isTextual()) {
            texts.add(recovery.asText());
        } else if (recovery.isArray()) {
            recovery.forEach(element -> readRecovery(element, texts, urls));
        } else if (recovery.isObject()) {
            String text = textOf(recovery.path("text"));
            String url = Objects.requireNonNullElse(JsonFields.firstText(recovery, "URL", "url"), "");
            if (!text.isEmpty()) {
                texts.add(text);
            }
            if (!url.isEmpty()) {
                urls.add(url);
            }
        }
    }

    /** Renders the message for a person: one line per part that is present. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        String head = (id.isEmpty() ? "" : id + ": ") + text;
        if (!head.isBlank()) {
            lines.add(head);
        }
        if (!explanation.isEmpty()) {
            lines.add("  Explanation: " + explanation);
        }
        if (!recovery.isEmpty()) {
            lines.add("  Recovery: " + recovery);
        }
        if (!recoveryUrl.isEmpty()) {
            lines.add("  More: " + recoveryUrl);
        }
        return String.join("\n", lines);
    }

    public static String describeAll(List<LxcaMessage> messages) {
        return messages.stream()
                .map(LxcaMessage::describe)
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n"));
    }
}
