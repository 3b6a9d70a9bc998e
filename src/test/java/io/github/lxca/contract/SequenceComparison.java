package io.github.lxca.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lxca.simulator.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares the requests a client sent, as the simulator saw them, with a {@link RecordedSequence}, field by field:
 * method and path (by which a request is matched to a recorded step), each query parameter, each compared header
 * (media types with case-insensitive names and charset), each leaf of the JSON body, and each part's name, file
 * name and content type. A request that matches no step is an extra one, a step no request matched is missing; a
 * repeated poll is compared once.
 */
final class SequenceComparison {
    static final String NONE = "(none)";

    /** One field in which the two sequences differ: {@code lenovo} is the recorded value, {@code plugin} the sent one. */
    record Difference(String step, String field, String lenovo, String plugin) {
        @Override
        public String toString() {
            return step + " | " + field + " | " + lenovo + " | " + plugin;
        }
    }

    private SequenceComparison() {}

    static List<Difference> compare(RecordedSequence recorded, Bindings bindings, List<Exchange> sent) {
        List<Difference> differences = new ArrayList<>();
        List<RecordedSequence.Request> steps = recorded.requests();
        int next = 0;
        String after = "start";
        for (Exchange exchange : sent) {
            if (exchange.headers().getOrDefault("Content-Type", "").startsWith("multipart/")) {
                bindings.with("boundary", parameter(exchange.headers().get("Content-Type"), "boundary"));
            }
            int step = stepOf(steps, next, exchange, bindings);
            if (step < 0) {
                differences.add(new Difference(
                        "after " + after, "extra request", NONE, exchange.method() + " " + exchange.pathAndQuery()));
            } else if (step >= next) {
                for (int missing = next; missing < step; missing++) {
                    differences.add(missing(steps.get(missing)));
                }
                differences.addAll(fields(
                        recorded,
                        steps.get(step),
                        exchange,
                        bindings.and("csrf", Objects.requireNonNullElse(exchange.sessionCsrf(), NONE))));
                next = step + 1;
                after = steps.get(step).step();
            }
            JsonNode reply = exchange.replyJson();
            if (reply != null && reply.hasNonNull("jobid")) {
                bindings.with("jobid", reply.get("jobid").asText());
            }
        }
        for (int missing = next; missing < steps.size(); missing++) {
            differences.add(missing(steps.get(missing)));
        }
        return collapse(steps, differences);
    }

    /** The recorded step this request is: the previous one again when that one repeats, or a later one; else -1. */
    private static int stepOf(List<RecordedSequence.Request> steps, int next, Exchange exchange, Bindings bindings) {
        for (int step = Math.max(0, next - 1); step < steps.size(); step++) {
            RecordedSequence.Request request = steps.get(step);
            boolean repeats = step == next - 1 && request.repeatUntil() != null;
            if ((step >= next || repeats) && matches(request, exchange, bindings)) {
                return step;
            }
        }
        return -1;
    }

    private static boolean matches(RecordedSequence.Request request, Exchange exchange, Bindings bindings) {
        try {
            return request.matches(exchange.method(), exchange.path(), bindings);
        } catch (IllegalStateException notYetKnown) {
            return false; // a path with the job id, before any job was created
        }
    }

    private static Difference missing(RecordedSequence.Request request) {
        return new Difference(request.step(), "request", request.method() + " " + request.path(), NONE);
    }

    private static List<Difference> fields(
            RecordedSequence recorded, RecordedSequence.Request request, Exchange exchange, Bindings bindings) {
        List<Difference> differences = new ArrayList<>();
        Map<String, String> expectedQuery = new TreeMap<>();
        request.query().forEach((name, value) -> expectedQuery.put(name, bindings.fill(value)));
        compareMaps(request.step(), "query.", expectedQuery, exchange.query(), differences);
        for (String header : recorded.comparedHeaders()) {
            String expected = request.headers().containsKey(header)
                    ? bindings.fill(request.headers().get(header))
                    : NONE;
            String actual = exchange.headers().getOrDefault(header, NONE);
            if (header.equalsIgnoreCase("Content-Type")) {
                expected = normalizedMediaType(expected);
                actual = normalizedMediaType(actual);
            }
            add(request.step(), "header " + header, expected, actual, differences);
        }
        compareMaps(
                request.step(),
                "json",
                request.json() == null ? Map.of() : leaves(bindings.fill(request.json())),
                exchange.json() == null ? Map.of() : leaves(exchange.json()),
                differences);
        add(
                request.step(),
                "parts",
                String.valueOf(request.parts().size()),
                String.valueOf(exchange.parts().size()),
                differences);
        for (int i = 0; i < Math.min(request.parts().size(), exchange.parts().size()); i++) {
            RecordedSequence.Part expected = request.parts().get(i);
            var actual = exchange.parts().get(i);
            add(request.step(), "parts[" + i + "].name", expected.name(), actual.partName(), differences);
            add(
                    request.step(),
                    "parts[" + i + "].filename",
                    bindings.fill(expected.filename()),
                    actual.fileName(),
                    differences);
            add(
                    request.step(),
                    "parts[" + i + "].contentType",
                    expected.contentType(),
                    Objects.requireNonNullElse(actual.contentType(), NONE),
                    differences);
        }
        return differences;
    }

    private static void compareMaps(
            String step,
            String prefix,
            Map<String, String> expected,
            Map<String, String> actual,
            List<Difference> differences) {
        Set<String> names = new LinkedHashSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            add(step, prefix + name, expected.getOrDefault(name, NONE), actual.getOrDefault(name, NONE), differences);
        }
    }

    private static void add(String step, String field, String expected, String actual, List<Difference> differences) {
        if (!expected.equals(actual)) {
            differences.add(new Difference(step, field, expected, actual));
        }
    }

    /** Each leaf of the JSON by its path ({@code .files[0].size}), a text quoted so that "1" and 1 differ. */
    private static Map<String, String> leaves(JsonNode json) {
        Map<String, String> leaves = new LinkedHashMap<>();
        leaves(json, "", leaves);
        return leaves;
    }

    private static void leaves(JsonNode json, String path, Map<String, String> leaves) {
        if (json.isObject()) {
            new TreeMap<>(json.properties().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .forEach((name, value) -> leaves(value, path + "." + name, leaves));
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                leaves(json.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, json.toString());
        }
    }

    /** The media type with its type and parameter names in lower case, and a charset value too (RFC 2046). */
    static String normalizedMediaType(String value) {
        if (value.equals(NONE)) {
            return value;
        }
        String[] pieces = value.split(";", -1);
        StringBuilder normalized = new StringBuilder(pieces[0].strip().toLowerCase(Locale.ROOT));
        for (int i = 1; i < pieces.length; i++) {
            if (pieces[i].isBlank()) {
                continue;
            }
            String[] parameter = pieces[i].strip().split("=", 2);
            String name = parameter[0].strip().toLowerCase(Locale.ROOT);
            String parameterValue = parameter.length > 1 ? parameter[1].strip() : "";
            normalized
                    .append("; ")
                    .append(name)
                    .append('=')
                    .append(name.equals("charset") ? parameterValue.toLowerCase(Locale.ROOT) : parameterValue);
        }
        return normalized.toString();
    }

    private static String parameter(String mediaType, String name) {
        for (String piece : mediaType.split(";", -1)) {
            String[] parameter = piece.strip().split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase(name)) {
                return parameter[1].strip();
            }
        }
        return NONE;
    }

    /**
     * One line for what is the same at every part of a step ({@code parts[*].name}) and for what is the same at every
     * step ({@code every request}).
     */
    private static List<Difference> collapse(List<RecordedSequence.Request> steps, List<Difference> differences) {
        List<Difference> byPart = new ArrayList<>();
        for (Difference difference : differences) {
            String field = difference.field().replaceFirst("^parts\\[\\d+]", "parts[*]");
            Difference general = new Difference(difference.step(), field, difference.lenovo(), difference.plugin());
            long parts = steps.stream()
                    .filter(s -> s.step().equals(difference.step()))
                    .mapToLong(s -> s.parts().size())
                    .findFirst()
                    .orElse(0);
            long same = differences.stream()
                    .filter(d -> d.step().equals(difference.step())
                            && d.field()
                                    .replaceFirst("^parts\\[\\d+]", "parts[*]")
                                    .equals(field)
                            && d.lenovo().equals(difference.lenovo())
                            && d.plugin().equals(difference.plugin()))
                    .count();
            Difference kept = !field.equals(difference.field()) && same == parts ? general : difference;
            if (!byPart.contains(kept)) {
                byPart.add(kept);
            }
        }
        List<Difference> collapsed = new ArrayList<>();
        for (Difference difference : byPart) {
            long atSteps = byPart.stream()
                    .filter(d -> d.field().equals(difference.field())
                            && d.lenovo().equals(difference.lenovo())
                            && d.plugin().equals(difference.plugin()))
                    .map(Difference::step)
                    .filter(step -> steps.stream().anyMatch(s -> s.step().equals(step)))
                    .distinct()
                    .count();
            Difference kept = atSteps == steps.size()
                    ? new Difference("every request", difference.field(), difference.lenovo(), difference.plugin())
                    : difference;
            if (!collapsed.contains(kept)) {
                collapsed.add(kept);
            }
        }
        return collapsed;
    }
}
