package io.github.lxca.packaging;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Fills the {@code ${name}} placeholders of a descriptor template with XML-escaped values, and list
 * placeholders with ready {@code <VALUE>} elements, so a team can produce exactly the descriptor layout its
 * LXCA expects.
 */
public final class DescriptorTemplate {
    private static final String OPEN = "${";

    private DescriptorTemplate() {}

    /**
     * @param values text, escaped as it is filled in
     * @param markup XML fragments, filled in as they are
     * @throws PackagingException naming the first unknown or unclosed placeholder and its line
     */
    public static String fill(String template, Map<String, String> values, Map<String, String> markup)
            throws PackagingException {
        StringBuilder filled = new StringBuilder(template.length() + 256);
        int copiedUpTo = 0;
        for (int start = template.indexOf(OPEN); start >= 0; start = template.indexOf(OPEN, copiedUpTo)) {
            int end = template.indexOf('}', start + OPEN.length());
            int lineEnd = template.indexOf('\n', start);
            if (end < 0 || (lineEnd >= 0 && lineEnd < end)) {
                throw new PackagingException(
                        "The descriptor template has a '${' without a closing '}' on line " + lineOf(template, start),
                        "close it; the known placeholders are " + known(values, markup));
            }
            String name = template.substring(start + OPEN.length(), end);
            String value = values.containsKey(name) ? escape(values.get(name)) : markup.get(name);
            if (value == null) {
                throw new PackagingException(
                        "The descriptor template uses the unknown placeholder ${" + name + "} on line "
                                + lineOf(template, start),
                        "use one of the known placeholders: " + known(values, markup));
            }
            filled.append(template, copiedUpTo, start).append(value);
            copiedUpTo = end + 1;
        }
        return filled.append(template, copiedUpTo, template.length()).toString();
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String known(Map<String, String> values, Map<String, String> markup) {
        return Stream.concat(values.keySet().stream(), markup.keySet().stream())
                .map(name -> OPEN + name + "}")
                .toList()
                .toString();
    }
}
