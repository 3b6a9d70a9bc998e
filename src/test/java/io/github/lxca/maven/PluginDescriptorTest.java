package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin descriptor this build wrote (target/classes/META-INF/maven/plugin.xml), from which Maven configures
 * each goal and the site writes its goal page: each goal declares exactly the parameters it reads, and a parameter
 * that several goals declare is the same on each (name, property, default, type, description).
 */
class PluginDescriptorTest {
    private static PluginDescriptor plugin;

    @BeforeAll
    static void readTheDescriptor() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            plugin = new PluginDescriptorBuilder().build(reader);
        }
    }

    @Test
    void packageUpdateDeclaresThePackagingParametersAndNoConnection() {
        assertEquals(
                Set.of(
                        // every goal
                        "skip",
                        "fixId",
                        "component",
                        "version",
                        "allowSnapshot",
                        // packaging
                        "payload",
                        "payloadDirectory",
                        "changeHistory",
                        "changes",
                        "readme",
                        "category",
                        "buildNumber",
                        "updateType",
                        "rebootRequired",
                        "preReqs",
                        "applicableMachineTypes",
                        "descriptorTemplate",
                        "descriptor",
                        "outputTimestamp",
                        "skipPackage",
                        // its own
                        "outputDirectory"),
                parameters("package-update"));
    }

    @Test
    void applyUpdateDeclaresTheConnectionAndTheApplyAndNoPackaging() {
        assertEquals(
                Set.of(
                        // every goal: the fix id and version of the update to apply
                        "skip",
                        "fixId",
                        "component",
                        "version",
                        "allowSnapshot",
                        // the connection (servers only to refuse it with the way to roll out)
                        "url",
                        "servers",
                        "serverId",
                        "username",
                        "trustStore",
                        "certificateFingerprint",
                        "insecure",
                        "allowPlainHttp",
                        "connectTimeout",
                        "readTimeout",
                        "retries",
                        // the apply
                        "dryRun",
                        "applyTimeout",
                        "applyGracePeriod",
                        "applyPollInterval",
                        "applyMaxPollInterval",
                        "applyReportFile",
                        // its own
                        "skipApply"),
                parameters("apply-update"));
    }

    @Test
    void importUpdateDeclaresPackagingConnectionApplyAndItsOwn() {
        assertEquals(
                Set.of(
                        // every goal
                        "skip",
                        "fixId",
                        "component",
                        "version",
                        "allowSnapshot",
                        // packaging, when its folder holds no set
                        "payload",
                        "payloadDirectory",
                        "changeHistory",
                        "changes",
                        "readme",
                        "category",
                        "buildNumber",
                        "updateType",
                        "rebootRequired",
                        "preReqs",
                        "applicableMachineTypes",
                        "descriptorTemplate",
                        "descriptor",
                        "outputTimestamp",
                        "skipPackage",
                        // the connection
                        "url",
                        "servers",
                        "serverId",
                        "username",
                        "trustStore",
                        "certificateFingerprint",
                        "insecure",
                        "allowPlainHttp",
                        "connectTimeout",
                        "readTimeout",
                        "retries",
                        // the apply, with lxca.apply
                        "dryRun",
                        "applyTimeout",
                        "applyGracePeriod",
                        "applyPollInterval",
                        "applyMaxPollInterval",
                        "applyReportFile",
                        // its own: the import, and the rollout
                        "updateDirectory",
                        "onExisting",
                        "pollInterval",
                        "taskTimeout",
                        "parallelism",
                        "reportFile",
                        "skipImport",
                        "apply",
                        "canary",
                        "maxFailures",
                        "summaryFile",
                        "rolloutReportFile"),
                parameters("import-update"));
    }

    @Test
    void aParameterOfSeveralGoalsIsTheSameOnEach() {
        Map<String, List<String>> declarations = new TreeMap<>();
        for (String goal : List.of("package-update", "import-update", "apply-update")) {
            for (Parameter parameter : goal(goal).getParameters()) {
                if (parameter.isEditable()) {
                    declarations
                            .computeIfAbsent(parameter.getName(), name -> new ArrayList<>())
                            .add(String.join(
                                    " | ",
                                    parameter.getType(),
                                    String.valueOf(parameter.getExpression()),
                                    String.valueOf(parameter.getDefaultValue()),
                                    String.valueOf(parameter.isRequired()),
                                    parameter.getDescription()));
                }
            }
        }
        Map<String, List<String>> differing = new TreeMap<>(declarations);
        differing.values().removeIf(each -> each.stream().distinct().count() == 1);

        assertEquals(Map.of(), differing, "declared differently by two goals");
        assertTrue(declarations.get("skipPackage").size() == 2, "the check covers the packaging parameters");
    }

    @Test
    void everyUserPropertyIsPrefixedLxca() {
        for (String goal : List.of("package-update", "import-update", "apply-update")) {
            List<String> unprefixed = goal(goal).getParameters().stream()
                    .filter(Parameter::isEditable)
                    .map(Parameter::getExpression)
                    .filter(expression -> expression != null && !expression.startsWith("${lxca."))
                    .toList();
            assertEquals(List.of(), unprefixed, goal);
        }
    }

    private static Set<String> parameters(String goal) {
        return goal(goal).getParameters().stream()
                .filter(Parameter::isEditable) // not ${session}, ${project}, ${mojoExecution}
                .map(Parameter::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static MojoDescriptor goal(String goal) {
        MojoDescriptor descriptor = plugin.getMojo(goal);
        assertNotNull(descriptor, goal);
        return descriptor;
    }
}
