package io.github.lxca.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads secrets at run time from {@code -D} properties or the environment. Secrets are never mojo
 * parameters, because Maven prints every parameter's value with {@code -X}. Remembers which secrets
 * came from properties, which other users can read in the process list.
 */
final class SecretLookup {
    private final Properties userProperties;
    private final Properties systemProperties;
    private final UnaryOperator<String> environment;
    /** Property read from the command line, and the environment variable that would have been safer. */
    private final Map<String, String> fromCommandLine = new LinkedHashMap<>();

    SecretLookup(Properties userProperties, Properties systemProperties, UnaryOperator<String> environment) {
        this.userProperties = userProperties;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** The value of {@code -Dproperty}, else of the environment variable, else null. */
    String get(String property, String environmentVariable) {
        String value = fromProperties(property);
        if (value != null) {
            return value;
        }
        value = environment.apply(environmentVariable);
        return value == null || value.isEmpty() ? null : value;
    }

    /** As {@link #get}, for a password: one from a property is remembered for {@link #warnAboutCommandLine}. */
    String secret(String property, String environmentVariable) {
        if (fromProperties(property) != null) {
            fromCommandLine.put(property, environmentVariable);
        }
        return get(property, environmentVariable);
    }

    /** Where {@link #get} found the value, for messages; never the value itself. */
    String describe(String property, String environmentVariable) {
        return fromProperties(property) != null ? "the property " + property
                : "the environment variable " + environmentVariable;
    }

    /** Whether {@code -Dproperty} (or a system property of that name) is set and not empty. */
    boolean isProperty(String property) {
        return fromProperties(property) != null;
    }

    /** Whether the environment variable is set and not empty. */
    boolean isVariable(String environmentVariable) {
        String value = environment.apply(environmentVariable);
        return value != null && !value.isEmpty();
    }

    /**
     * Warns once, naming every secret that was read from a {@code -D} property: a system property is
     * part of the java command line, where any local user can read it with {@code ps}.
     */
    void warnAboutCommandLine(Consumer<String> warn) {
        if (fromCommandLine.isEmpty()) {
            return;
        }
        String properties = fromCommandLine.keySet().stream().map(property -> "-D" + property)
                .collect(Collectors.joining(" and "));
        String variables = fromCommandLine.entrySet().stream()
                .map(entry -> entry.getValue() + " instead of -D" + entry.getKey()).collect(Collectors.joining(", "));
        warn.accept("The password" + (fromCommandLine.size() > 1 ? "s" : "") + " given as " + properties
                + (fromCommandLine.size() > 1 ? " are" : " is") + " on the command line, where other users of this"
                + " machine can read " + (fromCommandLine.size() > 1 ? "them" : "it") + " in the process list (ps). "
                + (fromCommandLine.containsKey("lxca.password")
                        ? "Keep the LXCA password in settings.xml (encrypted with mvn --encrypt-password), or use the environment: "
                        : "Use the environment: ")
                + variables);
        fromCommandLine.clear();
    }

    private String fromProperties(String property) {
        String value = userProperties.getProperty(property, systemProperties.getProperty(property));
        return value == null || value.isEmpty() ? null : value;
    }
}
