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
import java.util.function.UnaryOperator;
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
public class ImportUpdateMojo extends AbstractUpdateMojo {

    /**
     * Base URL of LXCA, {@code https://host[:port]}, without a path, for example
     * {@code https://lxca.example.com} or {@code https://10.0.0.5:8443}. Required unless {@code servers} is set.
     */
    @Parameter(property = "lxca.url")
    private String url;

    /**
     * Several LXCAs to import the same sets into, in parallel (see {@code parallelism}); with {@code apply}, a
     * staged rollout to them (see {@code canary} and {@code maxFailures}). Each {@code <server>} has a
     * {@code <url>} and optionally a {@code <name>} (used in every log line and report; default: host and
     * port), a {@code <serverId>}, a {@code <certificateFingerprint>}, a {@code <trustStore>} and a
     * {@code <trustStorePasswordVariable>} (the environment variable holding that store's password); what an
     * entry leaves out, the goal's parameter gives. Replaces {@code url}. The build fails after all have finished
     * if any failed, with one summary table. For example:
     * <pre>{@code
     * <servers>
     *   <server><name>east</name><url>https://lxca-east.example.com</url><serverId>lxca-east</serverId></server>
     *   <server><name>lab</name><url>https://10.0.0.5</url><certificateFingerprint>5E:0B:...:C4</certificateFingerprint></server>
     * </servers>
     * }</pre>
     */
    @Parameter
    private List<LxcaServer> servers;

    /**
     * How many LXCAs of {@code servers} are imported into at the same time; with {@code apply}, the size of each
     * wave of the rollout after the canary.
     */
    @Parameter(property = "lxca.parallelism", defaultValue = "4")
    private int parallelism;

    /**
     * What to do when LXCA's repository already holds a fix id: {@code fail} (say so and how to remove it),
     * {@code skip} (leave it and succeed, so that re-running a pipeline is safe) or {@code replace}
     * (delete it first, then import). An update that LXCA lists without its payload (status "Not
     * Downloaded", for example from Lenovo's catalog) does not count as held.
     */
    @Parameter(property = "lxca.onExisting", defaultValue = "fail")
    private String onExisting;

    /**
     * Check the sets, log in, read the repository and print what would be uploaded; upload nothing.
     */
    @Parameter(property = "lxca.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Where the JSON report of the run is written, on success and on failure: outcome, fix ids, and per
     * LXCA its server, user, outcome, job id, final state, bytes, duration, throughput, error and messages.
     * A run that fails before it can write one (a configuration error, offline) removes the earlier report.
     */
    @Parameter(property = "lxca.reportFile", defaultValue = "${project.build.directory}/lxca/import-report.json")
    private File reportFile;

    /** Id of the {@code <server>} in {@code settings.xml} that holds the LXCA user name and password. */
    @Parameter(property = "lxca.serverId", defaultValue = "lxca")
    private String serverId;

    /**
     * LXCA user name when {@code settings.xml} has no server entry {@code serverId}; the environment
     * variable {@code LXCA_USERNAME} is read next. The password then comes from {@code -Dlxca.password}
     * or {@code LXCA_PASSWORD}.
     */
    @Parameter(property = "lxca.username")
    private String username;

    /** Folder holding one or more complete update sets ({@code <fixid>.chg/.tgz/.txt/.xml}). */
    @Parameter(property = "lxca.updateDirectory", defaultValue = "${project.build.directory}/lxca-update")
    private File updateDirectory;

    /**
     * A PKCS12 or JKS file whose certificates are trusted in addition to the JVM's, for example
     * <code>${project.basedir}/lxca-truststore.p12</code>. Its password comes from {@code -Dlxca.trustStorePassword}
     * or {@code LXCA_TRUSTSTORE_PASSWORD}.
     */
    @Parameter(property = "lxca.trustStore")
    private File trustStore;

    /**
     * Trust exactly the LXCA certificate with this SHA-256 fingerprint (64 hex digits; colons and spaces optional), whatever
     * its issuer or host name. The build's error message shows the fingerprint of an untrusted certificate.
     * For example {@code 5E:0B:...:C4} (32 bytes) or the same 64 hex digits without colons.
     */
    @Parameter(property = "lxca.certificateFingerprint")
    private String certificateFingerprint;

    /** Skip every certificate and host name check. For labs only: a warning is printed on every run. */
    @Parameter(property = "lxca.insecure", defaultValue = "false")
    private boolean insecure;

    /** Allow an {@code http://} URL, which sends the password in clear. */
    @Parameter(property = "lxca.allowPlainHttp", defaultValue = "false")
    private boolean allowPlainHttp;

    /** Time between polls of the import job, in seconds or as an ISO-8601 duration ({@code PT10S}). */
    @Parameter(property = "lxca.pollInterval", defaultValue = "5")
    private String pollInterval;

    /** How long to follow the import job before failing, in seconds ({@code 3600}) or ISO-8601 ({@code PT1H}). */
    @Parameter(property = "lxca.taskTimeout", defaultValue = "3600")
    private String taskTimeout;

    /** How long to wait for a TCP connection to LXCA, in seconds or ISO-8601. */
    @Parameter(property = "lxca.connectTimeout", defaultValue = "30")
    private String connectTimeout;

    /**
     * The deadline of each call to LXCA, in seconds or ISO-8601: connecting, the TLS handshake, sending the request
     * and reading the whole reply must end within it, however the reply trickles in; past it the call is cut off (and
     * retried when that is safe). An upload's body may take as long as it needs to send, but LXCA must accept some of
     * it at least every readTimeout, and answer within readTimeout once it is sent. Task polls get at most 60 s, a
     * probe during an apply 20 s, logging out 10 s.
     */
    @Parameter(property = "lxca.readTimeout", defaultValue = "600")
    private String readTimeout;

    /**
     * How often a call that failed for a passing reason (connection refused or reset, HTTP 502, 503, 504)
     * is made again, with exponential backoff; only calls that are safe to repeat (log in, job state,
     * repository queries) are retried. An upload cut off midway is retried this often too, always in a
     * new job and only after checking that LXCA has not received the update already.
     */
    @Parameter(property = "lxca.retries", defaultValue = "3")
    private int retries;

    /** Skip the import only (and this goal's packaging step); {@code lxca.skip} skips packaging too. */
    @Parameter(property = "lxca.skipImport", defaultValue = "false")
    private boolean skipImport;

    /**
     * After a successful import, apply each imported update (see {@code lxca:apply-update}): to the LXCA of
     * {@code url}; to those of {@code servers} as a staged rollout, imported into and applied to LXCA by LXCA
     * ({@code canary}, then waves of {@code parallelism}, halting after more than {@code maxFailures} failures). Off
     * by default, because it changes the appliance.
     */
    @Parameter(property = "lxca.apply", defaultValue = "false")
    private boolean apply;

    /** With {@code apply}: how long to follow each apply, restart included (see {@code lxca:apply-update}). */
    @Parameter(property = "lxca.applyTimeout", defaultValue = "3600")
    private String applyTimeout;

    /** With {@code apply}: the grace period before a lasting error counts (see {@code lxca:apply-update}). */
    @Parameter(property = "lxca.applyGracePeriod", defaultValue = "600")
    private String applyGracePeriod;

    /** With {@code apply}: time between polls while LXCA answers. */
    @Parameter(property = "lxca.applyPollInterval", defaultValue = "5")
    private String applyPollInterval;

    /** With {@code apply}: the longest wait between polls while LXCA does not answer. */
    @Parameter(property = "lxca.applyMaxPollInterval", defaultValue = "30")
    private String applyMaxPollInterval;

    /** With {@code apply}: where the JSON report of the applies is written. */
    @Parameter(property = "lxca.applyReportFile", defaultValue = "${project.build.directory}/lxca/apply-report.json")
    private File applyReportFile;

    /**
     * With {@code apply} and {@code servers}: the canary of the rollout, applied and proven before any other LXCA is
     * touched: a number of the first entries ({@code 1} by default, {@code 0} for none), or the names of entries,
     * comma-separated ({@code -Dlxca.canary=lab,east}). A canary that fails halts the rollout.
     */
    @Parameter(property = "lxca.canary", defaultValue = "1")
    private String canary;

    /**
     * With {@code apply} and {@code servers}: how many LXCAs may fail before the rollout halts after the wave in
     * which there were more; every LXCA of the later waves is then reported as not started.
     */
    @Parameter(property = "lxca.maxFailures", defaultValue = "0")
    private int maxFailures;

    /**
     * With {@code apply} and {@code servers}: a file to write the rollout's Markdown summary to (replaced at each
     * run). When the environment variable {@code GITHUB_STEP_SUMMARY} is set, as in GitHub Actions, the summary is
     * appended to that file too.
     */
    @Parameter(property = "lxca.summaryFile")
    private File summaryFile;

    /**
     * With {@code apply} and {@code servers}: where the JSON report of the rollout is written: the plan and, per
     * LXCA, the same as the log's table.
     */
    @Parameter(
            property = "lxca.rolloutReportFile",
            defaultValue = "${project.build.directory}/lxca/rollout-report.json")
    private File rolloutReportFile;

    private final SettingsDecrypter settingsDecrypter;
    private SettingSources sources;

    /** The environment that credentials and the trust store password may come from; replaced in tests. */
    UnaryOperator<String> environment = System::getenv;

    @Inject
    public ImportUpdateMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        origins();
        ImportOutcomeHandler outcome = new ImportOutcomeHandler(withoutProject(reportFile), urlOrigin(), getLog());
        outcome.removeEarlierReport();
        if (skip || skipImport) {
            getLog().info("Skipping the LXCA import: " + (skip ? "lxca.skip" : "lxca.skipImport") + " is true");
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
                    "give how many LXCAs may fail before the rollout halts (0 by default)");
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
                                        withoutProject(applyReportFile),
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
        ApplyStep step = new ApplyStep(withoutProject(applyReportFile), getLog());
        for (ImportRequest request : requests) {
            for (UpdateSet set : sets) {
                step.apply(request.connection(), parameters.request(set.fixId()));
            }
        }
    }

    private ApplyParameters applyParameters() {
        return new ApplyParameters(
                updateVersion(), applyTimeout, applyGracePeriod, applyPollInterval, applyMaxPollInterval, dryRun);
    }

    /** One request per LXCA, from the parameters. */
    List<ImportRequest> buildRequests() throws MojoFailureException {
        return new ImportRequestBuilder(
                        new ConnectionBuilder(connectionParameters(), sources(), getLog()),
                        serverId,
                        withoutProject(updateDirectory),
                        pollInterval,
                        taskTimeout,
                        onExisting,
                        dryRun)
                .requests(url, servers);
    }

    private ConnectionParameters connectionParameters() {
        return new ConnectionParameters(
                serverId,
                username,
                pathOf(trustStore),
                certificateFingerprint,
                insecure,
                allowPlainHttp,
                connectTimeout,
                readTimeout,
                retries);
    }

    /** One per run, so that a password on the command line is warned about once, however many LXCAs there are. */
    private SettingSources sources() {
        if (sources == null) {
            sources = SettingSources.of(session, environment, settingsDecrypter, getLog());
        }
        return sources;
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
        if (skipPackage || holdsFiles(folder) || !hasPackagingInput()) {
            return;
        }
        getLog().info(folder + " holds no update set: packaging one first, as lxca:package-update would");
        UpdateSet set = packageInto(folder);
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
