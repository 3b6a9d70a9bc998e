package io.github.lxca.maven;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.ProxySettings;
import io.github.lxca.client.TrustInputs;
import io.github.lxca.client.TrustSettings;
import java.net.URI;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns a goal's {@link ConnectionParameters} into the client's {@link ConnectionSettings} for one LXCA:
 * checks the URL, finds the credentials, trust store password and proxy through {@link SettingSources},
 * checks the trust settings before any connection, and logs where the credentials came from. Any goal
 * that talks to LXCA builds its connections here.
 */
final class ConnectionBuilder {
    private final ConnectionParameters parameters;
    private final SettingSources sources;
    private final Log log;

    ConnectionBuilder(ConnectionParameters parameters, SettingSources sources, Log log) {
        this.parameters = parameters;
        this.sources = sources;
        this.log = log;
    }

    /** The connection to the LXCA at {@code url}, with the goal's {@code serverId}. */
    ConnectionSettings connection(String url) throws MojoFailureException {
        return connection(url, parameters.serverId());
    }

    /** The connection to the LXCA at {@code url}, with the credentials of the {@code <server>} {@code serverId}. */
    ConnectionSettings connection(String url, String serverId) throws MojoFailureException {
        return connection(url, serverId, this::goalTrust);
    }

    /** Where a connection's trust settings come from: read after its credentials, as the goal always has. */
    @FunctionalInterface
    private interface TrustSource {
        TrustSettings trust() throws MojoFailureException;
    }

    /**
     * The connection to one entry of {@code <servers>}: its own serverId, fingerprint and trust store (with the
     * password in its own environment variable) where it sets them, else the goal's. A failure of its trust
     * settings names the entry.
     */
    ConnectionSettings connection(LxcaServer entry, String name) throws MojoFailureException {
        String serverId = entry.getServerId() != null ? entry.getServerId() : parameters.serverId();
        boolean ownTrust = entry.getCertificateFingerprint() != null || entry.getTrustStore() != null;
        if (entry.getTrustStorePasswordVariable() != null && entry.getTrustStore() == null) {
            throw new PluginConfigurationException(
                    "The <server> entry '" + name + "' sets trustStorePasswordVariable but no trustStore",
                    "add <trustStore> to that entry, or remove <trustStorePasswordVariable> from it");
        }
        if (!ownTrust) {
            return connection(entry.getUrl(), serverId);
        }
        return connection(entry.getUrl(), serverId, () -> entryTrust(entry, name));
    }

    private TrustSettings entryTrust(LxcaServer entry, String name) throws MojoFailureException {
        Path store = entry.getTrustStore() != null ? entry.getTrustStore().toPath() : null;
        String variable = entry.getTrustStorePasswordVariable();
        TrustSettings trust = new TrustSettings(
                store,
                store == null
                        ? null
                        : variable != null ? sources.trustStorePasswordIn(variable) : sources.trustStorePassword(),
                entry.getCertificateFingerprint(),
                parameters.insecure(),
                variable != null
                        ? "the environment variable " + variable
                                + " (trustStorePasswordVariable of the <server> entry '" + name + "')"
                        : sources.trustStorePasswordSource());
        try {
            TrustInputs.check(trust);
        } catch (LxcaConfigurationException e) {
            throw new MojoFailureException(
                    "The <server> entry '" + name + "' of <servers>: " + e.describe()
                            + "\nChange it in that entry: its certificateFingerprint and trustStore take the place of the goal's.");
        }
        return trust;
    }

    private ConnectionSettings connection(String url, String serverId, TrustSource trustSource)
            throws MojoFailureException {
        URI baseUri = LxcaUrl.parse(url, parameters.allowPlainHttp());
        Credentials credentials = sources.credentials(serverId, parameters.username());
        log.info(sources.credentialsOrigin(serverId, parameters.username(), credentials));
        sources.ignoredCredentialSources(serverId, parameters.username()).forEach(log::warn);
        TrustSettings trust = trustSource.trust();
        if (parameters.retries() < 0) {
            throw new PluginConfigurationException(
                    "lxca.retries must be 0 or more, not " + parameters.retries(),
                    "give 0 for no retries, or the number wanted (" + LxcaProperties.RETRIES_DEFAULT + " by default)");
        }
        ProxySettings proxy = sources.proxyFor(baseUri).orElse(null);
        if (proxy != null) {
            log.debug("Reaching LXCA through " + proxy);
        }
        return new ConnectionSettings(
                baseUri,
                credentials,
                trust,
                proxy,
                Durations.parse(LxcaProperties.CONNECT_TIMEOUT, parameters.connectTimeout()),
                Durations.parse(LxcaProperties.READ_TIMEOUT, parameters.readTimeout()),
                parameters.retries());
    }

    private TrustSettings goalTrust() throws MojoFailureException {
        if (parameters.insecure()) {
            log.warn(
                    "lxca.insecure is set: LXCA's certificate and host name are NOT checked."
                            + " Anyone between this machine and LXCA can read the password. Use lxca.certificateFingerprint instead.");
        }
        TrustSettings trust = new TrustSettings(
                parameters.trustStore(),
                parameters.trustStore() == null ? null : sources.trustStorePassword(),
                parameters.certificateFingerprint(),
                parameters.insecure(),
                sources.trustStorePasswordSource());
        try {
            TrustInputs.check(trust);
        } catch (LxcaConfigurationException e) {
            throw new MojoFailureException(e.describe()); // already ends with its What to do: line
        }
        return trust;
    }
}
