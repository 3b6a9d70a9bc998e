package io.github.lxca.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a recorded sequence's placeholders for one run: {@code ${base}}, {@code ${user}},
 * {@code ${password}}, {@code ${fileN.name}} and {@code ${fileN.size}} (a number in JSON), and those only a reply
 * or the request itself tells ({@code ${csrf}}, {@code ${jobid}}, {@code ${boundary}}).
 */
final class Bindings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([\\w.]+)}");

    private final Map<String, Object> values = new HashMap<>();

    static Bindings of(String base, String user, String password, List<Path> files) {
        Bindings bindings = new Bindings().with("base", base).with("user", user).with("password", password);
        try {
            for (int i = 0; i < files.size(); i++) {
                bindings.with("file" + i + ".name", files.get(i).getFileName().toString());
                bindings.values.put("file" + i + ".size", Files.size(files.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bindings;
    }

    Bindings with(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** A copy with one more value, for what holds for one request only (its session's token). */
    Bindings and(String name, String value) {
        return copy().with(name, value);
    }

    /** A copy, for a second comparison that must not see the values the first one learned. */
    Bindings copy() {
        Bindings copy = new Bindings();
        copy.values.putAll(values);
        return copy;
    }

    String fill(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            Object value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for ${" + placeholder.group(1) + "} in '" + text + "'");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value.toString()));
        }
        return placeholder.appendTail(filled).toString();
    }

    /** The JSON with each placeholder filled; a text that is one placeholder of a number becomes that number. */
    JsonNode fill(JsonNode json) {
        if (json.isObject()) {
            ObjectNode filled = JsonNodeFactory.instance.objectNode();
            json.fields().forEachRemaining(field -> filled.set(field.getKey(), fill(field.getValue())));
            return filled;
        }
        if (json.isArray()) {
            ArrayNode filled = JsonNodeFactory.instance.arrayNode();
            json.forEach(element -> filled.add(fill(element)));
            return filled;
        }
        if (json.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(json.asText());
            if (whole.matches() && values.get(whole.group(1)) instanceof Long number) {
                return JsonNodeFactory.instance.numberNode(number);
            }
            return JsonNodeFactory.instance.textNode(fill(json.asText()));
        }
        return json;
    }
}
