package io.github.lxca.maven;

import io.github.lxca.packaging.DescriptorSettings;
import io.github.lxca.packaging.DescriptorSource;
import io.github.lxca.packaging.FixIdResolver;
import io.github.lxca.packaging.PackageRequest;
import io.github.lxca.packaging.PackagingException;
import io.github.lxca.packaging.PayloadSource;
import io.github.lxca.packaging.UpdatePackager;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateSet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters and the code that package one LXCA update set, shared by {@code package-update} and by
 * {@code import-update}, which packages first when its folder holds no set; and the check that no
 * {@code -Dlxca.*} is ignored without a word.
 */
abstract class AbstractUpdateMojo extends AbstractMojo {

    /**
     * Fix id of the update: the base name of its four files. Only letters, digits, {@code .}, {@code _} and
     * {@code -} are allowed, with no leading {@code .} and no {@code ..}. Defaults to
     * {@code lnvgy_sw_lxca_<component>-<version>_anyos_noarch}.
     */
    @Parameter(property = "lxca.fixId")
    private String fixId;

    /** Name of the updated component, used in the default fix id and the descriptor. */
    @Parameter(property = "lxca.component", defaultValue = "${project.artifactId}")
    private String component;

    /**
     * Version of the update, used in the default fix id, the descriptor and the change history. A
     * {@code -SNAPSHOT} version is refused unless {@code allowSnapshot} is set.
     */
    @Parameter(property = "lxca.version", defaultValue = "${project.version}")
    private String version;

    /**
     * Allow a version ending in {@code -SNAPSHOT}. Off by default because an updates repository must not hold
     * a version whose content changes under the same fix id; turn it on for test repositories only.
     */
    @Parameter(property = "lxca.allowSnapshot", defaultValue = "false")
    private boolean allowSnapshot;

    /**
     * A ready gzip-compressed tar to use as the {@code .tgz}. When neither this nor {@code payloadDirectory}
     * is set, the project's main artifact is used if it ends in {@code .tgz} or {@code .tar.gz}, else the one
     * such file the build attached without a classifier.
     */
    @Parameter(property = "lxca.payload")
    private File payload;

    /** A folder to archive as the {@code .tgz}, reproducibly. Set this or {@code payload}, not both. */
    @Parameter(property = "lxca.payloadDirectory")
    private File payloadDirectory;

    /** A ready change history to use as the {@code .chg}. Without it, one is generated from {@code changes}. */
    @Parameter(property = "lxca.changeHistory")
    private File changeHistory;

    /**
     * The changes of this version, one {@code <change>} each, listed in a generated change history. Not
     * allowed together with {@code changeHistory}.
     */
    @Parameter
    private List<String> changes;

    /**
     * A ready readme to use as the {@code .txt}. Defaults to {@code README.txt}, then {@code README.md}, in
     * the project folder; without either, one is generated from the project's name, description and version.
     */
    @Parameter(property = "lxca.readme")
    private File readme;

    /** The descriptor's {@code category} property. */
    @Parameter(property = "lxca.category", defaultValue = DescriptorSettings.DEFAULT_CATEGORY)
    private String category;

    /**
     * The descriptor's {@code buildNumber}, also the first word of its {@code Version} property
     * ({@code <buildNumber> <version>}). One word; defaults to the release date as {@code yyyyMMdd}.
     */
    @Parameter(property = "lxca.buildNumber")
    private String buildNumber;

    /** The descriptor's {@code updateType} property. */
    @Parameter(property = "lxca.updateType", defaultValue = DescriptorSettings.DEFAULT_UPDATE_TYPE)
    private String updateType;

    /** The descriptor's {@code rebootRequired} property. */
    @Parameter(property = "lxca.rebootRequired", defaultValue = "false")
    private boolean rebootRequired;

    /** Fix ids that must be installed before this update: the descriptor's {@code preReq} list. */
    @Parameter(property = "lxca.preReqs")
    private List<String> preReqs;

    /**
     * The descriptor's {@code applicableMachineTypes} list; each value holds a machine type in square
     * brackets, such as {@code ThinkSystem SR650 [7X06]}. Empty by default.
     */
    @Parameter(property = "lxca.applicableMachineTypes")
    private List<String> applicableMachineTypes;

    /**
     * A UTF-8 file to fill in as the {@code .xml} descriptor, for an LXCA that expects another layout or
     * other properties. Text placeholders ({@code ${fixId}}, {@code ${component}}, {@code ${version}},
     * {@code ${releaseDate}}, {@code ${description}}, {@code ${payloadFile}}, {@code ${payloadSize}},
     * {@code ${payloadSha256}}, {@code ${xmlFile}}, {@code ${category}}, {@code ${buildNumber}},
     * {@code ${lenovoVersion}}, {@code ${updateType}}, {@code ${rebootRequired}}) are replaced by XML-escaped
     * values; list placeholders ({@code ${preReqValues}}, {@code ${applicableMachineTypesValues}}) by one
     * {@code <VALUE>} element per entry. Any other placeholder fails the build. Set this or
     * {@code descriptor}, not both; without either, the plugin writes a descriptor in Lenovo's layout.
     */
    @Parameter(property = "lxca.descriptorTemplate")
    private File descriptorTemplate;

    /** A finished descriptor to use as the {@code .xml}, copied as it is. It must be well-formed XML. */
    @Parameter(property = "lxca.descriptor")
    private File descriptor;

    /**
     * Time of every payload archive entry and, as a UTC date, the release date. ISO-8601 date-time or seconds
     * since the epoch. Without it, entries are dated 1980-01-01 and the release date is today.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Do nothing, and say so: skips both {@code package-update} and {@code import-update}. A skipped
     * {@code import-update} removes the report of an earlier run.
     */
    @Parameter(property = "lxca.skip", defaultValue = "false")
    protected boolean skip;

    /** Skip packaging only: {@code package-update}, and the packaging step of {@code import-update}. */
    @Parameter(property = "lxca.skipPackage", defaultValue = "false")
    protected boolean skipPackage;

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

    /** Whether packaging has something to package: {@code payload}, {@code payloadDirectory} or a tar.gz artifact. */
    protected boolean hasPackagingInput() {
        if (payload != null || payloadDirectory != null) {
            return true; // packaging reports what is wrong with them, such as both being set
        }
        try {
            PayloadSource.choose(pathOf(payload), pathOf(payloadDirectory), mainArtifact());
            return true;
        } catch (PackagingException nothingToPackage) {
            return false;
        }
    }

    /**
     * Packages the update set into {@code outputDirectory}, checked as an import would check it, and tells a
     * later import in this build that its payload need not be read again.
     */
    protected UpdateSet packageInto(Path outputDirectory) throws MojoFailureException {
        try {
            UpdateSet set = UpdatePackager.standard(getLog()::warn).pack(packageRequest(outputDirectory));
            try {
                if (getPluginContext() != null) {
                    GoalHandOver.addCheckedPayloads(getPluginContext(), set);
                }
            } catch (IOException e) {
                getLog().debug("The import will check the payload again: " + e.getMessage());
            }
            return set;
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage()); // no cause: Maven would append its message again
        } catch (InvalidUpdateSetException e) {
            throw new MojoFailureException(
                    "The update set written to " + e.directory() + " fails the checks an import makes:\n  - "
                            + String.join("\n  - ", e.problems())
                            + "\nWhat to do: correct the payload or descriptor named above;"
                            + " it is read as given (a payload must be a readable gzip tar)");
        }
    }

    /** The fix id of this build's update, as {@code package-update} names it: {@code lxca.fixId}, else the default pattern. */
    protected String updateFixId() throws MojoFailureException {
        try {
            return FixIdResolver.resolve(fixId, component, version, allowSnapshot);
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** {@code lxca.version}: the version of this build's update. */
    protected String updateVersion() {
        return version;
    }

    PackageRequest packageRequest(Path outputDirectory) throws PackagingException {
        String resolvedFixId = FixIdResolver.resolve(fixId, component, version, allowSnapshot);
        return new PackageRequest(
                outputDirectory,
                resolvedFixId,
                component,
                version,
                project == null ? null : project.getName(),
                project == null ? null : project.getDescription(),
                BuildTimestamp.parse(outputTimestamp),
                PayloadSource.choose(pathOf(payload), pathOf(payloadDirectory), mainArtifact()),
                Optional.ofNullable(pathOf(changeHistory)),
                changes,
                readme != null ? Optional.of(readme.toPath()) : defaultReadme(),
                DescriptorSource.choose(pathOf(descriptorTemplate), pathOf(descriptor)),
                new DescriptorSettings(
                        category, buildNumber, updateType, rebootRequired, preReqs, applicableMachineTypes));
    }

    /**
     * The project's artifact; when that is no tar.gz, the one tar.gz the build attached without a classifier,
     * as maven-assembly-plugin does with {@code appendAssemblyId} false.
     */
    private Path mainArtifact() {
        if (project == null) {
            return null;
        }
        Path main = project.getArtifact() == null
                ? null
                : pathOf(project.getArtifact().getFile());
        if (main != null && PayloadSource.isTarGz(main)) {
            return main;
        }
        List<Path> attached = project.getAttachedArtifacts().stream()
                .filter(artifact -> artifact.getClassifier() == null
                        || artifact.getClassifier().isEmpty())
                .map(artifact -> pathOf(artifact.getFile()))
                .filter(file -> file != null && PayloadSource.isTarGz(file))
                .toList();
        return attached.size() == 1 ? attached.get(0) : main;
    }

    private Optional<Path> defaultReadme() {
        if (project == null || project.getBasedir() == null) {
            return Optional.empty();
        }
        Path basedir = project.getBasedir().toPath();
        return Stream.of("README.txt", "README.md")
                .map(basedir::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
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
