package io.github.lxca.maven;

import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
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
public class PackageUpdateMojo extends AbstractLxcaMojo {
    static final String CLASSIFIER = "lxca";

    /** Folder the update set is written to. */
    @Parameter(property = LxcaProperties.OUTPUT_DIRECTORY, defaultValue = LxcaProperties.UPDATE_FOLDER_DEFAULT)
    private File outputDirectory;

    // The packaging parameters: declared alike by package-update and import-update, the two goals that package
    // (PluginDescriptorTest holds the two declarations equal), and read through Packaging.

    /**
     * A ready gzip-compressed tar to use as the {@code .tgz}. When neither this nor {@code payloadDirectory}
     * is set, the project's main artifact is used if it ends in {@code .tgz} or {@code .tar.gz}, else the one
     * such file the build attached without a classifier.
     */
    @Parameter(property = LxcaProperties.PAYLOAD)
    private File payload;

    /** A folder to archive as the {@code .tgz}, reproducibly. Set this or {@code payload}, not both. */
    @Parameter(property = LxcaProperties.PAYLOAD_DIRECTORY)
    private File payloadDirectory;

    /** A ready change history to use as the {@code .chg}. Without it, one is generated from {@code changes}. */
    @Parameter(property = LxcaProperties.CHANGE_HISTORY)
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
    @Parameter(property = LxcaProperties.README)
    private File readme;

    /** The descriptor's {@code category} property. */
    @Parameter(property = LxcaProperties.CATEGORY, defaultValue = LxcaProperties.CATEGORY_DEFAULT)
    private String category;

    /**
     * The descriptor's {@code buildNumber}, also the first word of its {@code Version} property
     * ({@code <buildNumber> <version>}). One word; defaults to the release date as {@code yyyyMMdd}.
     */
    @Parameter(property = LxcaProperties.BUILD_NUMBER)
    private String buildNumber;

    /** The descriptor's {@code updateType} property. */
    @Parameter(property = LxcaProperties.UPDATE_TYPE, defaultValue = LxcaProperties.UPDATE_TYPE_DEFAULT)
    private String updateType;

    /** The descriptor's {@code rebootRequired} property. */
    @Parameter(property = LxcaProperties.REBOOT_REQUIRED, defaultValue = "false")
    private boolean rebootRequired;

    /** Fix ids that must be installed before this update: the descriptor's {@code preReq} list. */
    @Parameter(property = LxcaProperties.PRE_REQS)
    private List<String> preReqs;

    /**
     * The descriptor's {@code applicableMachineTypes} list; each value holds a machine type in square
     * brackets, such as {@code ThinkSystem SR650 [7X06]}. Empty by default.
     */
    @Parameter(property = LxcaProperties.APPLICABLE_MACHINE_TYPES)
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
    @Parameter(property = LxcaProperties.DESCRIPTOR_TEMPLATE)
    private File descriptorTemplate;

    /** A finished descriptor to use as the {@code .xml}, copied as it is. It must be well-formed XML. */
    @Parameter(property = LxcaProperties.DESCRIPTOR)
    private File descriptor;

    /**
     * Time of every payload archive entry and, as a UTC date, the release date. ISO-8601 date-time with an offset
     * or seconds since the epoch, read by maven-archiver as maven-jar-plugin reads it. Without it (nor
     * {@code SOURCE_DATE_EPOCH} in the environment), entries are dated 1980-01-01 and the release date is today.
     */
    @Parameter(defaultValue = LxcaProperties.OUTPUT_TIMESTAMP_DEFAULT)
    private String outputTimestamp;

    /** Skip packaging only: {@code package-update}, and the packaging step of {@code import-update}. */
    @Parameter(property = LxcaProperties.SKIP_PACKAGE, defaultValue = "false")
    private boolean skipPackage;

    /** The packaging parameters, for {@link Packaging}. */
    Packaging packaging() {
        return new Packaging(
                this,
                new Packaging.Parameters(
                        payload,
                        payloadDirectory,
                        changeHistory,
                        changes,
                        readme,
                        category,
                        buildNumber,
                        updateType,
                        rebootRequired,
                        preReqs,
                        applicableMachineTypes,
                        descriptorTemplate,
                        descriptor,
                        outputTimestamp));
    }

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageUpdateMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoFailureException {
        origins();
        if (skip || skipPackage) {
            getLog().info("Skipping the LXCA update packaging: "
                    + (skip ? LxcaProperties.SKIP : LxcaProperties.SKIP_PACKAGE) + " is true");
            return;
        }
        UpdateSet set = packaging().packInto(outputDirectory.toPath());
        for (UpdateFile file : set.files()) {
            projectHelper.attachArtifact(
                    project, file.type().extension(), CLASSIFIER, file.path().toFile());
        }
        getLog().info("Packaged LXCA update " + set.fixId() + " in " + outputDirectory + " ("
                + set.files().stream().map(UpdateFile::name).toList() + ")");
    }
}
