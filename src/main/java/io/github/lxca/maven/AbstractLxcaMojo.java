package io.github.lxca.maven;

import io.github.lxca.packaging.FixIdResolver;
import io.github.lxca.packaging.PackagingException;
import java.io.File;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal reads: {@code skip}, and the fix id and version of this build's update, which
 * {@code package-update} names its set by, {@code import-update} packages it as and {@code apply-update} applies;
 * and the check that no {@code -Dlxca.*} is ignored without a word. The layers below add only what their goals
 * read: {@link AbstractConnectionMojo} the connection to LXCA, {@link AbstractApplyMojo} the apply.
 */
abstract class AbstractLxcaMojo extends AbstractMojo {

    /**
     * Fix id of the update: the base name of its four files. Only letters, digits, {@code .}, {@code _} and
     * {@code -} are allowed, with no leading {@code .} and no {@code ..}. Defaults to
     * {@code lnvgy_sw_lxca_<component>-<version>_anyos_noarch}.
     */
    @Parameter(property = LxcaProperties.FIX_ID)
    private String fixId;

    /** Name of the updated component, used in the default fix id and the descriptor. */
    @Parameter(property = LxcaProperties.COMPONENT, defaultValue = LxcaProperties.COMPONENT_DEFAULT)
    private String component;

    /**
     * Version of the update, used in the default fix id, the descriptor and the change history, and by the apply
     * when the fix id names none. A {@code -SNAPSHOT} version is refused unless {@code allowSnapshot} is set.
     */
    @Parameter(property = LxcaProperties.VERSION, defaultValue = LxcaProperties.VERSION_DEFAULT)
    private String version;

    /**
     * Allow a version ending in {@code -SNAPSHOT}. Off by default because an updates repository must not hold
     * a version whose content changes under the same fix id; turn it on for test repositories only.
     */
    @Parameter(property = LxcaProperties.ALLOW_SNAPSHOT, defaultValue = "false")
    private boolean allowSnapshot;

    /**
     * Do nothing, and say so: skips {@code package-update}, {@code import-update} and {@code apply-update}. A
     * skipped {@code import-update} removes the report of an earlier run, a skipped {@code apply-update} its apply
     * report.
     */
    @Parameter(property = LxcaProperties.SKIP, defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    private ParameterOrigins origins;

    /** Where each parameter's value came from; warns once about every {@code -Dlxca.*} the pom overrides. */
    protected ParameterOrigins origins() {
        if (origins == null) {
            Properties userProperties = session == null ? new Properties() : session.getUserProperties();
            origins = ParameterOrigins.of(
                    mojoExecution, userProperties, project == null ? null : project.getProperties());
            origins.ignoredCommandLine().forEach(getLog()::warn);
        }
        return origins;
    }

    /** The fix id of this build's update, as {@code package-update} names it: {@code lxca.fixId}, else the default pattern. */
    protected String updateFixId() throws MojoFailureException {
        try {
            return resolvedFixId();
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    String resolvedFixId() throws PackagingException {
        return FixIdResolver.resolve(fixId, component, version, allowSnapshot);
    }

    /** {@code lxca.component}: the updated component. */
    String updateComponent() {
        return component;
    }

    /** {@code lxca.version}: the version of this build's update. */
    protected String updateVersion() {
        return version;
    }

    static Path pathOf(File file) {
        return file == null ? null : file.toPath();
    }

    /**
     * Without a pom, Maven leaves {@code ${project.basedir}} in the defaults uninterpolated; such a path
     * is taken relative to the folder Maven runs in.
     */
    protected Path withoutProject(File file) {
        String path = file.getPath();
        int placeholder = path.indexOf("${project.basedir}");
        return placeholder < 0
                ? file.toPath()
                : Path.of(
                        session.getExecutionRootDirectory(),
                        path.substring(placeholder + "${project.basedir}".length()));
    }
}
