package io.github.lxca.maven;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaCertificateException;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.ProxySettings;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.UpdateImporter;
import io.github.lxca.update.InvalidUpdateSetException;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
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
public class ImportUpdateMojo extends AbstractMojo {

    /** Base URL of LXCA, {@code https://host[:port]}, without a path. */
    @Parameter(property = "lxca.url", required = true)
    private String url;

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
     * A PKCS12 or JKS file whose certificates are trusted in addition to the JVM's. Its password comes
     * from {@code -Dlxca.trustStorePassword} or {@code LXCA_TRUSTSTORE_PASSWORD}.
     */
    @Parameter(property = "lxca.trustStore")
    private File trustStore;

    /**
     * Trust exactly the LXCA certificate with this SHA-256 fingerprint (hex, colons optional), whatever
     * its issuer or host name. The build's error message shows the fingerprint of an untrusted certificate.
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

    /** How long to follow the import job before failing, in seconds or ISO-8601 ({@code PT1H}). */
    @Parameter(property = "lxca.taskTimeout", defaultValue = "3600")
    private String taskTimeout;

    /** How long to wait for a TCP connection to LXCA, in seconds or ISO-8601. */
    @Parameter(property = "lxca.connectTimeout", defaultValue = "30")
    private String connectTimeout;

    /**
     * Longest silence allowed while waiting for a reply from LXCA, in seconds or ISO-8601. It does not
     * limit how long an upload takes to send.
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

    /** Do nothing, and say so. */
    @Parameter(property = "lxca.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final SettingsDecrypter settingsDecrypter;

    @Inject
    public ImportUpdateMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the LXCA import: lxca.skip is true");
            return;
        }
        if (session.isOffline()) {
            throw new MojoFailureException("lxca:import-update must reach LXCA, but Maven is offline (-o);"
                    + " run without -o, or set -Dlxca.skip to leave the import out");
        }
        QuietHttpWireLog.apply();
        ImportRequest request = buildRequest();
        try {
            UpdateImporter.standard(new MavenImportLog(getLog())).importUpdates(request);
        } catch (InvalidUpdateSetException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (LxcaConnectionException | LxcaCertificateException | LxcaConfigurationException e) {
            throw new MojoExecutionException(withCauseInDebugLog(e));
        } catch (LxcaException e) {
            throw new MojoFailureException(withCauseInDebugLog(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("The LXCA import was interrupted", e);
        }
    }

    /**
     * The report for the build's headline. The exception is not passed on as a cause, because Maven
     * appends every cause's message to the headline; its stack trace goes to the debug log instead.
     */
    private String withCauseInDebugLog(LxcaException e) {
        getLog().debug("LXCA import failed", e);
        return e.describe();
    }

    private ImportRequest buildRequest() throws MojoFailureException {
        URI baseUri = LxcaUrl.parse(url, allowPlainHttp);
        SecretLookup secrets = new SecretLookup(session.getUserProperties(), session.getSystemProperties(), System::getenv);
        Credentials credentials = new CredentialsResolver(settingsDecrypter, secrets)
                .resolve(session.getSettings(), serverId, username);
        if (insecure) {
            getLog().warn("lxca.insecure is set: LXCA's certificate and host name are NOT checked."
                    + " Anyone between this machine and LXCA can read the password. Use lxca.certificateFingerprint instead.");
        }
        TrustSettings trust = new TrustSettings(trustStore == null ? null : trustStore.toPath(),
                secrets.get("lxca.trustStorePassword", "LXCA_TRUSTSTORE_PASSWORD"), certificateFingerprint, insecure);
        if (retries < 0) {
            throw new MojoFailureException("lxca.retries must be 0 or more, not " + retries);
        }
        ProxySettings proxy = new ProxyResolver(settingsDecrypter)
                .resolve(session.getSettings().getProxies(), baseUri.getScheme()).orElse(null);
        if (proxy != null) {
            getLog().debug("Reaching LXCA through " + proxy);
        }
        ConnectionSettings connection = new ConnectionSettings(baseUri, credentials, trust, proxy,
                Durations.parse("lxca.connectTimeout", connectTimeout), Durations.parse("lxca.readTimeout", readTimeout),
                retries);
        Duration interval = Durations.parse("lxca.pollInterval", pollInterval);
        Duration timeout = Durations.parse("lxca.taskTimeout", taskTimeout);
        return new ImportRequest(connection, updateDirectory.toPath(), interval, timeout);
    }
}
