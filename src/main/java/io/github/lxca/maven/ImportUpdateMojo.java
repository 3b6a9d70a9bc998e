package io.github.lxca.maven;

import io.github.lxca.importer.ImportCoordinator;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.UpdateImporter;
import io.github.lxca.rollout.RolloutPlan;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateSet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Imports one or more LXCA update sets from a folder into the updates repository of Lenovo XClarity
 * Administrator: logs in, creates an import job, uploads the {@code .chg}, {@code .tgz}, {@code .txt}
 * and {@code .xml} files of every set in one streamed request, follows the job until it ends, and
 * logs out. The build fails with LXCA's own message when LXCA refuses the import or the job fails.
 *
 * <p>The password is never a parameter: it comes from the {@code settings.xml} server entry named by
 * {@code serverId} (encrypted passwords work), else from {@code -Dlxca.password} or the
 * {@code LXCA_PASSWORD} environment variable.
 */
@Mojo(name = "import-update", requiresProject = false, threadSafe = true)
public class ImportUpdateMojo extends AbstractApplyMojo {

    /**
     * How many LXCAs of {@code servers} are imported into at the same time; with {@code apply}, the size of each
     * wave of the rollout after the canary.
     */
    @Parameter(property = LxcaProperties.PARALLELISM, defaultValue = LxcaProperties.PARALLELISM_DEFAULT)
    private int parallelism;

    /**
     * What to do when LXCA's repository already holds a fix id: {@code fail} (say so and how to remove it),
     * {@code skip} (leave it and succeed, so that re-running a pipeline is safe) or {@code replace}
     * (delete it first, then import). An update that LXCA lists without its payload (status "Not
     * Downloaded", for example from Lenovo's catalog) does not count as held.
     */
    @Parameter(property = LxcaProperties.ON_EXISTING, defaultValue = LxcaProperties.ON_EXISTING_DEFAULT)
    private String onExisting;

    /**
     * Where the JSON report of the run is written, on success and on failure: outcome, fix ids, and per
     * LXCA its server, user, outcome, job id, final state, bytes, duration, throughput, error and messages.
     * A run that fails before it can write one (a configuration error, offline) removes the earlier report.
     */
    @Parameter(property = LxcaProperties.REPORT_FILE, defaultValue = LxcaProperties.REPORT_FILE_DEFAULT)
    private File reportFile;

    /** Folder holding one or more complete update sets ({@code <fixid>.chg/.tgz/.txt/.xml}). */
    @Parameter(property = LxcaProperties.UPDATE_DIRECTORY, defaultValue = LxcaProperties.UPDATE_FOLDER_DEFAULT)
    private File updateDirectory;

    /** Time between polls of the import job, in seconds or as an ISO-8601 duration ({@code PT10S}). */
    @Parameter(property = LxcaProperties.POLL_INTERVAL, defaultValue = LxcaProperties.POLL_INTERVAL_DEFAULT)
    private String pollInterval;

    /** How long to follow the import job before failing, in seconds ({@code 3600}) or ISO-8601 ({@code PT1H}). */
    @Parameter(property = LxcaProperties.TASK_TIMEOUT, defaultValue = LxcaProperties.TASK_TIMEOUT_DEFAULT)
    private String taskTimeout;

    /** Skip the import only (and this goal's packaging step); {@code lxca.skip} skips packaging too. */
    @Parameter(property = LxcaProperties.SKIP_IMPORT, defaultValue = "false")
    private boolean skipImport;

    /**
     * After a successful import, apply each imported update (see {@code lxca:apply-update}): to the LXCA of
     * {@code url}; to those of {@code servers} as a staged rollout, imported into and applied to LXCA by LXCA
     * ({@code canary}, then waves of {@code parallelism}, halting after more than {@code maxFailures} failures). Off
     * by default, because it changes the appliance.
     */
    @Parameter(property = LxcaProperties.APPLY, defaultValue = "false")
    private boolean apply;

    /**
     * With {@code apply} and {@code servers}: the canary of the rollout, applied and proven before any other LXCA is
     * touched: a number of the first entries ({@code 1} by default, {@code 0} for none), or the names of entries,
     * comma-separated ({@code -Dlxca.canary=lab,east}). A canary that fails halts the rollout.
     */
    @Parameter(property = LxcaProperties.CANARY, defaultValue = LxcaProperties.CANARY_DEFAULT)
    private String canary;

    /**
     * With {@code apply} and {@code servers}: how many LXCAs may fail before the rollout halts after the wave in
     * which there were more; every LXCA of the later waves is then reported as not started.
     */
    @Parameter(property = LxcaProperties.MAX_FAILURES, defaultValue = LxcaProperties.MAX_FAILURES_DEFAULT)
    private int maxFailures;

    /**
     * With {@code apply} and {@code servers}: a file to write the rollout's Markdown summary to (replaced at each
     * run). When the environment variable {@code GITHUB_STEP_SUMMARY} is set, as in GitHub Actions, the summary is
     * appended to that file too.
     */
    @Parameter(property = LxcaProperties.SUMMARY_FILE)
    private File summaryFile;

    /**
     * With {@code apply} and {@code servers}: where the JSON report of the rollout is written: the plan and, per
     * LXCA, the same as the log's table.
     */
    @Parameter(property = LxcaProperties.ROLLOUT_REPORT_FILE, defaultValue = LxcaProperties.ROLLOUT_REPORT_FILE_DEFAULT)
    private File rolloutReportFile;

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

    @Inject
    public ImportUpdateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        origins();
        ImportOutcomeHandler outcome = new ImportOutcomeHandler(withoutProject(reportFile), urlOrigin(), getLog());
        outcome.removeEarlierReport();
        if (skip || skipImport) {
            getLog().info("Skipping the LXCA import: " + (skip ? LxcaProperties.SKIP : LxcaProperties.SKIP_IMPORT)
                    + " is true");
            return;
        }
        if (session.isOffline()) {
            throw new PluginConfigurationException(
                    "lxca:import-update must reach LXCA, but Maven is offline (-o)",
                    "run without -o, or set -Dlxca.skip to leave the import out");
        }
        List<ImportRequest> requests = buildRequests();
        if (apply) {
            applyParameters().timing(); // a mistyped apply setting fails before anything is imported
        }
        if (maxFailures < 0) {
            throw new PluginConfigurationException(
                    "lxca.maxFailures must be 0 or more, not " + maxFailures,
                    "give how many LXCAs may fail before the rollout halts (" + LxcaProperties.MAX_FAILURES_DEFAULT
                            + " by default)");
        }
        boolean rollout = apply && servers != null && !servers.isEmpty();
        RolloutPlan plan = rollout ? RolloutStep.plan(requests, canary, parallelism) : null;
        sources().warnAboutCommandLine(getLog()::warn);
        packageWhenNoSet();
        ImportCoordinator coordinator =
                new ImportCoordinator(UpdateImporter::standard, new MavenImportLog(getLog()), Clock.systemUTC());
        List<UpdateSet> sets;
        try {
            sets = coordinator.check(requests.get(0), GoalHandOver.checkedPayloads(getPluginContext()));
        } catch (InvalidUpdateSetException e) {
            outcome.refused(ImportCoordinator.failedBeforeStart(requests, e), e);
            return;
        }
        try {
            if (rollout) {
                new RolloutStep(
                                new RolloutStep.Outputs(
                                        withoutProject(reportFile),
                                        applyReportFile(),
                                        withoutProject(rolloutReportFile),
                                        summaryFile == null ? null : withoutProject(summaryFile)),
                                environment,
                                getLog())
                        .run(sets, requests, applyParameters(), plan, maxFailures);
                return;
            }
            outcome.finish(sets.stream().map(UpdateSet::fixId).toList(), coordinator.run(sets, requests, parallelism));
            if (apply) {
                applyImported(requests, sets);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("The LXCA import was interrupted\nWhat to do: run again; LXCA may go on"
                    + " with a job it already received (see Monitoring > Jobs there)");
        }
    }

    /** Applies each imported update to the one LXCA of {@code url} ({@code servers} go through the rollout). */
    private void applyImported(List<ImportRequest> requests, List<UpdateSet> sets)
            throws MojoExecutionException, MojoFailureException {
        ApplyParameters parameters = applyParameters();
        ApplyStep step = new ApplyStep(applyReportFile(), getLog());
        for (ImportRequest request : requests) {
            for (UpdateSet set : sets) {
                step.apply(request.connection(), parameters.request(set.fixId()));
            }
        }
    }

    /** One request per LXCA, from the parameters. */
    List<ImportRequest> buildRequests() throws MojoFailureException {
        return new ImportRequestBuilder(
                        connections(),
                        serverId,
                        withoutProject(updateDirectory),
                        pollInterval,
                        taskTimeout,
                        onExisting,
                        dryRun)
                .requests(url, servers);
    }

    /** Where the URL came from, so that a hint to check it points at the setting to change. */
    private String urlOrigin() {
        return servers != null && !servers.isEmpty()
                ? "The LXCA URLs came from <servers> in the pom's configuration."
                : "The URL " + LxcaUrl.redacted(url) + " came from " + origins().describe("url") + ".";
    }

    /**
     * Makes {@code import-update} do the whole job: when its folder holds no set and there is something to
     * package, it packages the set first, as {@code package-update} would; a set already there is imported
     * as it is.
     */
    private void packageWhenNoSet() throws MojoFailureException {
        Path folder = withoutProject(updateDirectory);
        Packaging packaging = packaging();
        if (skipPackage || holdsFiles(folder) || !packaging.hasInput()) {
            return;
        }
        getLog().info(folder + " holds no update set: packaging one first, as lxca:package-update would");
        UpdateSet set = packaging.packInto(folder);
        getLog().info("Packaged LXCA update " + set.fixId() + " in " + folder);
    }

    private static boolean holdsFiles(Path folder) throws MojoFailureException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read the update folder " + folder + ": " + e.getMessage());
        }
    }
}
