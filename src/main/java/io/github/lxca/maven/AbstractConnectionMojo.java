package io.github.lxca.maven;

import java.io.File;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of every goal that talks to LXCA: where it is, who logs in, what to trust, and the timeouts and
 * retries of each call; read through {@link ConnectionParameters} and {@link ConnectionBuilder}. The password is
 * never a parameter: it comes from the {@code settings.xml} server entry named by {@code serverId} (encrypted
 * passwords work), else from {@code -Dlxca.password} or the {@code LXCA_PASSWORD} environment variable.
 */
abstract class AbstractConnectionMojo extends AbstractLxcaMojo {

    /**
     * Base URL of LXCA, {@code https://host[:port]}, without a path, for example
     * {@code https://lxca.example.com} or {@code https://10.0.0.5:8443}. Required unless {@code servers} is set.
     */
    @Parameter(property = LxcaProperties.URL)
    protected String url;

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
     * Read by {@code import-update}. {@code apply-update} applies to the one LXCA of {@code url} and refuses
     * {@code servers}, saying to roll out to them with {@code import-update} and {@code apply} set to true
     * ({@code -Dlxca.apply=true}), which imports into each and applies with a canary, waves and
     * {@code maxFailures}.
     */
    @Parameter
    protected List<LxcaServer> servers;

    /** Id of the {@code <server>} in {@code settings.xml} that holds the LXCA user name and password. */
    @Parameter(property = LxcaProperties.SERVER_ID, defaultValue = LxcaProperties.SERVER_ID_DEFAULT)
    protected String serverId;

    /**
     * LXCA user name when {@code settings.xml} has no server entry {@code serverId}; the environment
     * variable {@code LXCA_USERNAME} is read next. The password then comes from {@code -Dlxca.password}
     * or {@code LXCA_PASSWORD}.
     */
    @Parameter(property = LxcaProperties.USERNAME)
    private String username;

    /**
     * A PKCS12 or JKS file whose certificates are trusted in addition to the JVM's, for example
     * <code>${project.basedir}/lxca-truststore.p12</code>. Its password comes from {@code -Dlxca.trustStorePassword}
     * or {@code LXCA_TRUSTSTORE_PASSWORD}.
     */
    @Parameter(property = LxcaProperties.TRUST_STORE)
    private File trustStore;

    /**
     * Trust exactly the LXCA certificate with this SHA-256 fingerprint (64 hex digits; colons and spaces optional), whatever
     * its issuer or host name. The build's error message shows the fingerprint of an untrusted certificate.
     * For example {@code 5E:0B:...:C4} (32 bytes) or the same 64 hex digits without colons.
     */
    @Parameter(property = LxcaProperties.CERTIFICATE_FINGERPRINT)
    private String certificateFingerprint;

    /** Skip every certificate and host name check. For labs only: a warning is printed on every run. */
    @Parameter(property = LxcaProperties.INSECURE, defaultValue = "false")
    private boolean insecure;

    /** Allow an {@code http://} URL, which sends the password in clear. */
    @Parameter(property = LxcaProperties.ALLOW_PLAIN_HTTP, defaultValue = "false")
    private boolean allowPlainHttp;

    /** How long to wait for a TCP connection to LXCA, in seconds or ISO-8601. */
    @Parameter(property = LxcaProperties.CONNECT_TIMEOUT, defaultValue = LxcaProperties.CONNECT_TIMEOUT_DEFAULT)
    private String connectTimeout;

    /**
     * The deadline of each call to LXCA, in seconds or ISO-8601: connecting, the TLS handshake, sending the request
     * and reading the whole reply must end within it, however the reply trickles in; past it the call is cut off (and
     * retried when that is safe). An upload's body may take as long as it needs to send, but LXCA must accept some of
     * it at least every readTimeout, and answer within readTimeout once it is sent. Task polls get at most 60 s, a
     * poll or log-in while LXCA restarts during an apply 20 s, logging out 10 s.
     */
    @Parameter(property = LxcaProperties.READ_TIMEOUT, defaultValue = LxcaProperties.READ_TIMEOUT_DEFAULT)
    private String readTimeout;

    /**
     * How often a call that failed for a passing reason (connection refused or reset, HTTP 502, 503, 504)
     * is made again, with exponential backoff; only calls that are safe to repeat (log in, job state,
     * repository queries) are retried. An upload cut off midway is retried this often too, always in a
     * new job and only after checking that LXCA has not received the update already. The apply itself never is.
     */
    @Parameter(property = LxcaProperties.RETRIES, defaultValue = LxcaProperties.RETRIES_DEFAULT)
    private int retries;

    private final SettingsDecrypter settingsDecrypter;
    private SettingSources sources;

    /** The environment that credentials and the trust store password may come from; replaced in tests. */
    UnaryOperator<String> environment = System::getenv;

    AbstractConnectionMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /** The connections to LXCA, from these parameters. */
    ConnectionBuilder connections() {
        return new ConnectionBuilder(
                new ConnectionParameters(
                        serverId,
                        username,
                        pathOf(trustStore),
                        certificateFingerprint,
                        insecure,
                        allowPlainHttp,
                        connectTimeout,
                        readTimeout,
                        retries),
                sources(),
                getLog());
    }

    /** One per run, so that a password on the command line is warned about once, however many LXCAs there are. */
    SettingSources sources() {
        if (sources == null) {
            sources = SettingSources.of(session, environment, settingsDecrypter, getLog());
        }
        return sources;
    }
}
