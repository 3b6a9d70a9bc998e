package io.github.lxca.maven;

import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Reads secrets at run time from {@code -D} properties or the environment. Secrets are never mojo
 * parameters, because Maven prints every parameter's value with {@code -X}.
 */
final class SecretLookup {
    private final Properties userProperties;
    private final Properties systemProperties;
    private final UnaryOperator<String> environment;

    SecretLookup(Properties userProperties, Properties systemProperties, UnaryOperator<String> environment) {
        this.userProperties = userProperties;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** The value of {@code -Dproperty}, else of the environment variable, else null. */
    String get(String property, String environmentVariable) {
        String value = userProperties.getProperty(property, systemProperties.getProperty(property));
        if (value == null || value.isEmpty()) {
            value = environment.apply(environmentVariable);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** Where {@link #get} found the value, for messages; never the value itself. */
    String describe(String property, String environmentVariable) {
        String fromProperties = userProperties.getProperty(property, systemProperties.getProperty(property));
        return fromProperties != null && !fromProperties.isEmpty() ? "the property " + property
                : "the environment variable " + environmentVariable;
    }

    /** Whether {@code -Dproperty} (or a system property of that name) is set and not empty. */
    boolean isProperty(String property) {
        String value = userProperties.getProperty(property, systemProperties.getProperty(property));
        return value != null && !value.isEmpty();
    }

    /** Whether the environment variable is set and not empty. */
    boolean isVariable(String environmentVariable) {
        String value = environment.apply(environmentVariable);
        return value != null && !value.isEmpty();
    }
}
