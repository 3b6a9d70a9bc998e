package io.github.lxca.maven;

import io.github.lxca.packaging.BuildTimestamp;
import io.github.lxca.packaging.DescriptorSource;
import io.github.lxca.packaging.FixIdResolver;
import io.github.lxca.packaging.PackageRequest;
import io.github.lxca.packaging.PackagingException;
import io.github.lxca.packaging.PayloadSource;
import io.github.lxca.packaging.UpdatePackager;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages one LXCA update set: four files sharing the fix id as base name, {@code <fixid>.chg} (change
 * history), {@code <fixid>.tgz} (payload), {@code <fixid>.txt} (readme) and {@code <fixid>.xml}
 * (descriptor), written to the folder {@code import-update} reads by default. The set is checked as an
 * import would check it, and the four files are attached to the project with the classifier {@code lxca}
 * so that {@code install} and {@code deploy} publish them.
 *
 * <p>A payload folder is archived reproducibly: sorted entries, owner root, fixed modes, and entry times
 * from {@code project.build.outputTimestamp}, so the same input always gives the same bytes.
 */
@Mojo(name = "package-update", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageUpdateMojo extends AbstractMojo {
    static final String CLASSIFIER = "lxca";

    /** Folder the update set is written to. */
    @Parameter(property = "lxca.outputDirectory", defaultValue = "${project.build.directory}/lxca-update")
    private File outputDirectory;

    /**
     * Fix id of the update: the base name of its four files. Only letters, digits, {@code .}, {@code _} and
     * {@code -} are allowed. Defaults to {@code lnvgy_sw_lxca_<component>-<version>_anyos_noarch}.
     */
    @Parameter(property = "lxca.fixId")
    private String fixId;

    /** Name of the updated component, used in the default fix id and the descriptor. */
    @Parameter(property = "lxca.component", defaultValue = "${project.artifactId}")
    private String component;

    /** Version of the update, used in the default fix id, the descriptor and the change history. */
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
     * is set, the project's main artifact is used if it ends in {@code .tgz} or {@code .tar.gz}.
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

    /**
     * A UTF-8 file to fill in as the {@code .xml} descriptor, for an LXCA that expects its own layout. The
     * placeholders {@code ${fixId}}, {@code ${component}}, {@code ${version}}, {@code ${releaseDate}},
     * {@code ${description}}, {@code ${payloadFile}}, {@code ${payloadSize}} and {@code ${payloadSha256}} are
     * replaced by XML-escaped values; any other placeholder fails the build. Set this or {@code descriptor},
     * not both; without either, the plugin writes its own descriptor.
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

    /** Do nothing, and say so. */
    @Parameter(property = "lxca.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageUpdateMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping the LXCA update packaging: lxca.skip is true");
            return;
        }
        UpdateSet set;
        try {
            set = UpdatePackager.standard(getLog()::warn).pack(buildRequest());
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage()); // no cause: Maven would append its message again
        } catch (InvalidUpdateSetException e) {
            throw new MojoFailureException("The update set written to " + e.directory() + " fails the checks an import makes:\n  - "
                    + String.join("\n  - ", e.problems()) + "\nWhat to do: correct the payload or descriptor named above;"
                    + " it is read as given (a payload must be a readable gzip tar)");
        }
        for (UpdateFile file : set.files()) {
            projectHelper.attachArtifact(project, file.type().extension(), CLASSIFIER, file.path().toFile());
        }
        try {
            GoalHandOver.addCheckedPayloads(getPluginContext(), set);
        } catch (IOException e) {
            getLog().debug("The import will check the payload again: " + e.getMessage());
        }
        getLog().info("Packaged LXCA update " + set.fixId() + " in " + outputDirectory + " ("
                + set.files().stream().map(UpdateFile::name).toList() + ")");
    }

    private PackageRequest buildRequest() throws PackagingException {
        String resolvedFixId = FixIdResolver.resolve(fixId, component, version, allowSnapshot);
        File mainArtifact = project.getArtifact() == null ? null : project.getArtifact().getFile();
        return new PackageRequest(
                outputDirectory.toPath(),
                resolvedFixId,
                component,
                version,
                project.getName(),
                project.getDescription(),
                BuildTimestamp.parse(outputTimestamp),
                PayloadSource.choose(pathOf(payload), pathOf(payloadDirectory), pathOf(mainArtifact)),
                Optional.ofNullable(pathOf(changeHistory)),
                changes,
                readme != null ? Optional.of(readme.toPath()) : defaultReadme(),
                DescriptorSource.choose(pathOf(descriptorTemplate), pathOf(descriptor)));
    }

    private Optional<Path> defaultReadme() {
        Path basedir = project.getBasedir().toPath();
        return Stream.of("README.txt", "README.md").map(basedir::resolve).filter(Files::isRegularFile).findFirst();
    }

    private static Path pathOf(File file) {
        return file == null ? null : file.toPath();
    }
}
