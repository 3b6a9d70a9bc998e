package io.github.lxca.update;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for an update's fix id: the base name shared by the four files of a set. */
public final class FixId {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    public static final String RULE =
            "a fix id may contain only letters, digits, '.', '_' and '-', must not start with '.' and must not contain '..'";

    /** The longest fix id whose files' names ({@code <fix id>.tgz}, ...) stay within the common 255-byte limit. */
    public static final int MAX_LENGTH = 251;

    private FixId() {}

    /** Returns why {@code candidate} is not a safe fix id, or empty when it is one. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("the fix id is empty; " + RULE);
        }
        if (!SAFE.matcher(candidate).matches() || candidate.startsWith(".") || candidate.contains("..")) {
            return Optional.of("'" + candidate + "' is not a safe fix id: " + RULE);
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of("the fix id '" + candidate.substring(0, 40) + "...' has " + candidate.length()
                    + " characters, more than the " + MAX_LENGTH + " that fit in a file name with its extension"
                    + " (file systems allow 255)");
        }
        return Optional.empty();
    }

    public static boolean isSafe(String candidate) {
        return problemWith(candidate).isEmpty();
    }
}
