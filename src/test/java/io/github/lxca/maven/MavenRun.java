package io.github.lxca.maven;

import static org.mockito.Mockito.lenient;

import java.io.Reader;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.MojoDescriptorCreator;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.TestInfo;

/**
 * The Maven run around a goal that maven-plugin-testing-harness configures for a test ({@code @MojoTest},
 * {@code @InjectMojo}, {@code @MojoParameter} for the pom's {@code <configuration>}): what the harness
 * leaves to the test. Called from the test's {@code @BeforeEach}, which runs before the harness
 * configures the mojo from the plugin descriptor this build generated:
 * <ul>
 *   <li>{@link CommandLine} and {@link PomProperties} of the test method become the session's {@code -D}
 *       properties and the project's {@code <properties>}, which Maven's expression evaluator reads;</li>
 *   <li>the project lives in a folder of the test's own, and the session has the given {@code settings.xml};</li>
 *   <li>the execution's configuration is the one Maven would merge (the pom's values, else each parameter's
 *       expression), which {@link ParameterOrigins} reads.</li>
 * </ul>
 */
final class MavenRun {

    /** {@code -Dname=value} on the command line, one {@code name=value} each. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface CommandLine {
        String[] value();
    }

    /** {@code <properties>} in the pom, one {@code name=value} each. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface PomProperties {
        String[] value();
    }

    final List<String> log = new ArrayList<>();
    final List<String> debug = new ArrayList<>();
    final Settings settings = new Settings();

    void prepare(TestInfo test, MavenSession session, MavenProject project, MojoExecution execution, Path basedir)
            throws Exception {
        var method = test.getTestMethod().orElseThrow();
        CommandLine commandLine = method.getAnnotation(CommandLine.class);
        if (commandLine != null) {
            putAll(session.getUserProperties(), commandLine.value());
        }
        PomProperties pomProperties = method.getAnnotation(PomProperties.class);
        if (pomProperties != null) {
            putAll(project.getProperties(), pomProperties.value());
        }
        project.setGroupId("com.example");
        project.setArtifactId("inventory-agent");
        project.setVersion("2.1.0");
        project.setName("Inventory agent");
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        lenient().when(session.getSettings()).thenReturn(settings);
        lenient().when(session.getExecutionRootDirectory()).thenReturn(basedir.toString());
        InjectMojo goal = method.getAnnotation(InjectMojo.class);
        if (goal != null) {
            execution.setConfiguration(
                    mergedConfiguration(goal.goal(), method.getAnnotationsByType(MojoParameter.class)));
        }
    }

    /** A log that keeps INFO and WARN lines, and DEBUG ones apart, for a test to assert; {@code -X} is off. */
    SystemStreamLog recordingLog() {
        return new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("INFO " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("WARN " + content);
            }

            @Override
            public void debug(CharSequence content) {
                debug.add(String.valueOf(content));
            }

            @Override
            public void debug(CharSequence content, Throwable error) {
                debug.add(content + ": " + error);
            }

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
    }

    List<String> warnings() {
        return log.stream().filter(line -> line.startsWith("WARN ")).toList();
    }

    /** As Maven merges it: the pom's value of a parameter, else its expression and default from the descriptor. */
    private static Xpp3Dom mergedConfiguration(String goal, MojoParameter[] pom) throws Exception {
        Xpp3Dom defaults;
        try (Reader reader = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            defaults = MojoDescriptorCreator.convert(
                    new PluginDescriptorBuilder().build(reader).getMojo(goal));
        }
        Xpp3Dom configured = new Xpp3Dom("configuration");
        for (MojoParameter parameter : pom) {
            Xpp3Dom child = new Xpp3Dom(parameter.name());
            child.setValue(parameter.value());
            configured.addChild(child);
        }
        return Xpp3Dom.mergeXpp3Dom(configured, defaults);
    }

    private static void putAll(Properties properties, String[] pairs) {
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            properties.setProperty(pair.substring(0, equals), pair.substring(equals + 1));
        }
    }
}
