package io.github.lxca.maven;

import java.io.File;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Sets up a mojo the way Maven would for one execution, without Maven running: from the plugin descriptor
 * this build generated ({@code META-INF/maven/plugin.xml}), each parameter gets the pom's
 * {@code <configuration>} value if there is one, else its property from the command line ({@code -D}),
 * else from the pom's {@code <properties>}, else its default. That is Maven's order, so a test can check
 * what a user's settings turn into.
 */
final class MojoSetup {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    final Map<String, String> configuration = new LinkedHashMap<>();
    final Properties userProperties = new Properties();
    final Properties projectProperties = new Properties();
    final Settings settings = new Settings();
    final List<String> log = new ArrayList<>();
    private final Path basedir;

    MojoSetup(Path basedir) {
        this.basedir = basedir;
    }

    /** The pom's {@code <configuration>} sets this parameter. */
    MojoSetup configure(String parameter, String value) {
        configuration.put(parameter, value);
        return this;
    }

    /** {@code -Dname=value} on the command line. */
    MojoSetup commandLine(String name, String value) {
        userProperties.setProperty(name, value);
        return this;
    }

    /** {@code <properties><name>value</name></properties>} in the pom. */
    MojoSetup pomProperty(String name, String value) {
        projectProperties.setProperty(name, value);
        return this;
    }

    <T extends Mojo> T inject(T mojo, String goal) throws Exception {
        MojoDescriptor descriptor = descriptor(goal);
        MavenProject project = project();
        MavenSession session = session(project);
        Xpp3Dom executionConfiguration = new Xpp3Dom("configuration");
        PlexusConfiguration defaults = descriptor.getMojoConfiguration();
        for (Parameter parameter : descriptor.getParameters()) {
            PlexusConfiguration declared = defaults.getChild(parameter.getName(), false);
            String expression = declared == null ? null : declared.getValue(null);
            String defaultValue = declared == null ? null : declared.getAttribute("default-value", null);
            Xpp3Dom child = new Xpp3Dom(parameter.getName());
            String raw = configuration.containsKey(parameter.getName()) ? configuration.get(parameter.getName()) : expression;
            child.setValue(raw);
            executionConfiguration.addChild(child);
            Object value = evaluate(raw, project, session);
            if (value == null && defaultValue != null) {
                value = evaluate(defaultValue, project, session);
            }
            if (value != null) {
                set(mojo, parameter, value);
            }
        }
        MojoExecution execution = new MojoExecution(descriptor, "test");
        execution.setConfiguration(executionConfiguration);
        setField(mojo, "mojoExecution", execution);
        mojo.setLog(recordingLog());
        return mojo;
    }

    private MojoDescriptor descriptor(String goal) throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(reader);
            return plugin.getMojo(goal);
        }
    }

    private MavenProject project() {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("inventory-agent");
        model.setVersion("2.1.0");
        model.setName("Inventory agent");
        model.setProperties(projectProperties);
        model.setBuild(new org.apache.maven.model.Build());
        model.getBuild().setDirectory(basedir.resolve("target").toString());
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        return project;
    }

    @SuppressWarnings("deprecation")
    private MavenSession session(MavenProject project) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(userProperties);
        request.setSystemProperties(new Properties());
        request.setBaseDirectory(basedir.toFile());
        request.setServers(settings.getServers());
        return new MavenSession(null, request, new DefaultMavenExecutionResult(), project);
    }

    /** Maven's order for {@code ${name}}: the project's own values, then -D, then the pom's properties. */
    private Object evaluate(String raw, MavenProject project, MavenSession session) {
        if (raw == null) {
            return null;
        }
        switch (raw) {
            case "${project}":
                return project;
            case "${session}":
                return session;
            case "${mojoExecution}":
                return null; // set after
            default:
                break;
        }
        Matcher matcher = EXPRESSION.matcher(raw);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "project.build.directory" -> project.getBuild().getDirectory();
                case "project.basedir" -> basedir.toString();
                case "project.artifactId" -> project.getArtifactId();
                case "project.version" -> project.getVersion();
                default -> userProperties.getProperty(matcher.group(1), projectProperties.getProperty(matcher.group(1)));
            };
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    private static void set(Object mojo, Parameter parameter, Object value) throws Exception {
        Field field = field(mojo.getClass(), parameter.getName());
        Class<?> type = field.getType();
        Object converted = !(value instanceof String text) ? value
                : type == boolean.class ? Boolean.parseBoolean(text.isEmpty() ? "true" : text)
                : type == int.class ? Integer.parseInt(text)
                : type == File.class ? new File(text)
                : text;
        field.setAccessible(true);
        field.set(mojo, converted);
    }

    static void setField(Object target, String name, Object value) throws Exception {
        Field field = field(target.getClass(), name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException next) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(name);
    }

    private Log recordingLog() {
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
            public boolean isDebugEnabled() {
                return false;
            }
        };
    }
}
