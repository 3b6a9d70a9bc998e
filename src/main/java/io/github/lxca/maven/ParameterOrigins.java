package io.github.lxca.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where a goal's parameter values came from, so that a {@code -Dlxca.*} on the command line is never
 * ignored without a word, and so that hints can say which setting to change.
 *
 * <p>Maven gives a value in the pom's {@code <configuration>} precedence over the same parameter's user
 * property; the command line wins only over {@code <properties>} and the default.
 *
 * @param configured parameter name to its value as written in the pom's {@code <configuration>}
 * @param propertyOf parameter name to its user property ({@code url} to {@code lxca.url})
 * @param userProperties the {@code -D} properties of this Maven run
 * @param projectProperties the pom's {@code <properties>}
 */
record ParameterOrigins(
        Map<String, String> configured,
        Map<String, String> propertyOf,
        Properties userProperties,
        Properties projectProperties) {

    /** The origins of the parameters of one goal execution. */
    static ParameterOrigins of(MojoExecution execution, Properties userProperties, Properties projectProperties) {
        Map<String, String> configured = new TreeMap<>();
        Map<String, String> propertyOf = new TreeMap<>();
        MojoDescriptor descriptor = execution == null ? null : execution.getMojoDescriptor();
        if (descriptor != null && descriptor.getParameters() != null) {
            for (Parameter parameter : descriptor.getParameters()) {
                String expression = parameter.getExpression();
                if (expression != null && expression.startsWith("${lxca.") && expression.endsWith("}")) {
                    propertyOf.put(parameter.getName(), expression.substring(2, expression.length() - 1));
                }
            }
        }
        Xpp3Dom configuration = execution == null ? null : execution.getConfiguration();
        if (configuration != null) {
            for (Xpp3Dom child : configuration.getChildren()) {
                String property = propertyOf.get(child.getName());
                String value = child.getValue();
                // Maven merges each parameter's expression into the configuration: "${lxca.url}" is not the pom's.
                boolean fromPom = child.getChildCount() > 0
                        || value != null && !value.isBlank() && !value.strip().equals("${" + property + "}");
                if (fromPom) {
                    configured.put(
                            child.getName(),
                            child.getChildCount() > 0 ? "<" + child.getName() + ">..." : value.strip());
                }
            }
        }
        return new ParameterOrigins(configured, propertyOf, orEmpty(userProperties), orEmpty(projectProperties));
    }

    /** Where the value of {@code parameter} came from, for hints: "lxca.url from the pom's configuration". */
    String describe(String parameter) {
        String property = propertyOf.getOrDefault(parameter, parameter);
        if (configured.containsKey(parameter)) {
            return property + " from the pom's configuration (<" + parameter + ">)";
        }
        if (userProperties.containsKey(property)) {
            return property + " from the command line (-D" + property + ")";
        }
        if (projectProperties.containsKey(property)) {
            return property + " from the pom's <properties>";
        }
        return property + " (its default)";
    }

    /**
     * One warning per {@code -Dlxca.*} that the pom's {@code <configuration>} overrides, naming both values and
     * how to let the command line win.
     */
    List<String> ignoredCommandLine() {
        List<String> warnings = new ArrayList<>();
        propertyOf.forEach((parameter, property) -> {
            String typed = userProperties.getProperty(property);
            String used = configured.get(parameter);
            if (typed != null && used != null && !typed.strip().equals(used)) {
                warnings.add("-D" + property + "=" + LxcaUrl.redacted(typed)
                        + " is ignored: the pom's <configuration> sets <"
                        + parameter + ">" + LxcaUrl.redacted(used) + "</" + parameter + ">, which Maven puts first."
                        + " To let the command line win, move it to the pom's <properties> as <" + property + ">.");
            }
        });
        return warnings;
    }

    private static Properties orEmpty(Properties properties) {
        return properties == null ? new Properties() : properties;
    }
}
