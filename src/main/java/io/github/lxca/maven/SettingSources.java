package io.github.lxca.maven;

import io.github.lxca.client.Credentials;
import io.github.lxca.client.ProxySettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The one place that decides where each credential and connection setting comes from, and in which
 * order. Parameters themselves are Maven's to merge (the pom's {@code <configuration>}, then {@code -D},
 * then the pom's {@code <properties>}, then the default; {@link ParameterOrigins} reports which one won).
 * What is read at run time is read here:
 * <ul>
 *   <li>user name: the {@code settings.xml} {@code <server>} named by {@code serverId}; else the
 *       {@code username} parameter ({@code lxca.username}); else {@code LXCA_USERNAME};</li>
 *   <li>password: that {@code <server>} (decrypted by Maven); else {@code -Dlxca.password} (a user
 *       property, then a system property); else {@code LXCA_PASSWORD};</li>
 *   <li>trust store password: {@code -Dlxca.trustStorePassword}; else {@code LXCA_TRUSTSTORE_PASSWORD};</li>
 *   <li>proxy: Maven's own proxy selection for the LXCA URL (the active {@code settings.xml} proxies, an
 *       {@code https} one else an {@code http} one, their {@code nonProxyHosts}), its password decrypted by Maven.</li>
 * </ul>
 * Secrets are never mojo parameters, because Maven prints every parameter's value with {@code -X}. One
 * per run, so that a password read from the command line is warned about once, however many LXCAs.
 */
final class SettingSources {
    static final String USERNAME_PROPERTY = LxcaProperties.USERNAME;
    static final String USERNAME_VARIABLE = "LXCA_USERNAME";
    static final String PASSWORD_PROPERTY = "lxca.password";
    static final String PASSWORD_VARIABLE = "LXCA_PASSWORD";
    static final String TRUST_STORE_PASSWORD_PROPERTY = "lxca.trustStorePassword";
    static final String TRUST_STORE_PASSWORD_VARIABLE = "LXCA_TRUSTSTORE_PASSWORD";

    private final Settings settings;
    private final Properties userProperties;
    private final Properties systemProperties;
    private final UnaryOperator<String> environment;
    private final ProxySelector proxySelector;
    private final RepositorySystemSession repositorySession;
    private final SettingsPasswords passwords;
    /** Property read from the command line, and the environment variable that would have been safer. */
    private final Map<String, String> fromCommandLine = new LinkedHashMap<>();

    /**
     * @param repositorySession Maven's repository session, whose proxy selector picks the proxy; null
     *     for none (no proxy is then used)
     */
    SettingSources(
            Settings settings,
            Properties userProperties,
            Properties systemProperties,
            UnaryOperator<String> environment,
            RepositorySystemSession repositorySession,
            SettingsPasswords passwords) {
        this.settings = settings;
        this.userProperties = userProperties == null ? new Properties() : userProperties;
        this.systemProperties = systemProperties == null ? new Properties() : systemProperties;
        this.environment = environment;
        this.repositorySession = repositorySession;
        this.proxySelector = repositorySession == null ? null : repositorySession.getProxySelector();
        this.passwords = passwords;
    }

    /** The sources of one goal execution: Maven's settings, properties and repository session, and the environment. */
    static SettingSources of(
            MavenSession session, UnaryOperator<String> environment, SettingsDecrypter decrypter, Log log) {
        return new SettingSources(
                session.getSettings(),
                session.getUserProperties(),
                session.getSystemProperties(),
                environment,
                session.getRepositorySession(),
                new SettingsPasswords(decrypter, log::warn));
    }

    /** The LXCA user and password for {@code serverId}; {@code username} is the goal's parameter. */
    Credentials credentials(String serverId, String username) throws MojoFailureException {
        Server server = serverOf(serverId);
        if (server != null) {
            return fromServer(server);
        }
        String user = isGiven(username) ? username : fromEnvironment(USERNAME_VARIABLE);
        String password = secret(PASSWORD_PROPERTY, PASSWORD_VARIABLE);
        if (user == null || password == null) {
            throw new PluginConfigurationException(
                    "No credentials for LXCA: settings.xml has no <server> with id '" + serverId + "', and "
                            + (user == null ? "no user name" : "no password") + " was given otherwise",
                    "add <server><id>" + serverId + "</id><username>...</username><password>...</password></server>"
                            + " to settings.xml (mvn --encrypt-password encrypts the password), or set "
                            + USERNAME_VARIABLE + " and " + PASSWORD_VARIABLE + " in the environment");
        }
        return new Credentials(user, password, describe(PASSWORD_PROPERTY, PASSWORD_VARIABLE));
    }

    /** One line for the log: where the credentials {@link #credentials} returned came from. */
    String credentialsOrigin(String serverId, String username, Credentials used) {
        if (serverOf(serverId) != null) {
            return "LXCA credentials: user '" + used.username() + "' from " + used.source();
        }
        return "LXCA credentials: user '" + used.username() + "' from "
                + (isGiven(username) ? USERNAME_PROPERTY : "the environment variable " + USERNAME_VARIABLE)
                + ", password from " + used.source();
    }

    /**
     * A warning naming every other source of credentials that is set but not used, and how to use it
     * instead; empty when there is none.
     */
    List<String> ignoredCredentialSources(String serverId, String username) {
        List<String> ignored = new ArrayList<>();
        if (serverOf(serverId) != null) {
            if (isGiven(username)) {
                ignored.add("-D" + USERNAME_PROPERTY);
            }
            if (isProperty(PASSWORD_PROPERTY)) {
                ignored.add("-D" + PASSWORD_PROPERTY);
            }
            addIfVariable(ignored, USERNAME_VARIABLE);
            addIfVariable(ignored, PASSWORD_VARIABLE);
            return ignored.isEmpty()
                    ? List.of()
                    : List.of(String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
                            + " also set but not used: the <server> '" + serverId + "' of settings.xml comes first."
                            + " To use " + (ignored.size() == 1 ? "it" : "them")
                            + " instead, name a server id that settings.xml"
                            + " does not have, for example -Dlxca.serverId=none.");
        }
        if (isGiven(username)) {
            addIfVariable(ignored, USERNAME_VARIABLE);
        }
        if (isProperty(PASSWORD_PROPERTY)) {
            addIfVariable(ignored, PASSWORD_VARIABLE);
        }
        return ignored.isEmpty()
                ? List.of()
                : List.of(String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
                        + " also set but not used: -Dlxca.username and -Dlxca.password come before the environment."
                        + " To use the environment instead, leave those properties out.");
    }

    /** The trust store's password, or null when none is given. */
    String trustStorePassword() {
        return secret(TRUST_STORE_PASSWORD_PROPERTY, TRUST_STORE_PASSWORD_VARIABLE);
    }

    /** The trust store password in the environment variable {@code variable} (a {@code <server>} entry's own), or null. */
    String trustStorePasswordIn(String variable) {
        return fromEnvironment(variable);
    }

    /** Where {@link #trustStorePassword} is read from, for messages; never the value. */
    String trustStorePasswordSource() {
        return describe(TRUST_STORE_PASSWORD_PROPERTY, TRUST_STORE_PASSWORD_VARIABLE);
    }

    /**
     * The proxy Maven's own proxy selection gives for {@code lxca}, with its credentials; empty when
     * none applies (no active proxy for the scheme, or the host is one of its {@code nonProxyHosts}).
     */
    Optional<ProxySettings> proxyFor(URI lxca) throws MojoFailureException {
        if (proxySelector == null) {
            return Optional.empty();
        }
        RemoteRepository target = new RemoteRepository.Builder("lxca", "default", lxca.toString()).build();
        org.eclipse.aether.repository.Proxy proxy = proxySelector.getProxy(target);
        if (proxy == null) {
            return Optional.empty();
        }
        String username = null;
        String password = null;
        try (AuthenticationContext authentication = AuthenticationContext.forProxy(
                repositorySession,
                new RemoteRepository.Builder(target).setProxy(proxy).build())) {
            if (authentication != null) {
                username = authentication.get(AuthenticationContext.USERNAME);
                password = authentication.get(AuthenticationContext.PASSWORD);
            }
        }
        return Optional.of(new ProxySettings(proxy.getHost(), proxy.getPort(), username, decrypted(proxy, password)));
    }

    /**
     * Maven 3 decrypts proxy passwords when it builds the repository session, but only logs at DEBUG one
     * it cannot decrypt and passes it on encrypted: decrypting it again here fails with the reason.
     */
    private String decrypted(org.eclipse.aether.repository.Proxy selected, String password)
            throws MojoFailureException {
        if (!SettingsPasswords.isEncrypted(password)) {
            return password;
        }
        Proxy declared = settings == null
                ? null
                : settings.getProxies().stream()
                        .filter(p -> p.isActive()
                                && selected.getHost().equals(p.getHost())
                                && selected.getPort() == p.getPort())
                        .findFirst()
                        .orElse(null);
        Proxy encrypted = declared == null ? new Proxy() : declared.clone();
        if (declared == null) {
            encrypted.setId(selected.getHost());
        }
        encrypted.setPassword(password);
        return passwords.decrypt(encrypted).getPassword();
    }

    /**
     * Warns once, naming every secret that was read from a {@code -D} property: a system property is
     * part of the java command line, where any local user can read it with {@code ps}.
     */
    void warnAboutCommandLine(Consumer<String> warn) {
        if (fromCommandLine.isEmpty()) {
            return;
        }
        String properties = fromCommandLine.keySet().stream()
                .map(property -> "-D" + property)
                .collect(Collectors.joining(" and "));
        String variables = fromCommandLine.entrySet().stream()
                .map(entry -> entry.getValue() + " instead of -D" + entry.getKey())
                .collect(Collectors.joining(", "));
        warn.accept("The password" + (fromCommandLine.size() > 1 ? "s" : "") + " given as " + properties
                + (fromCommandLine.size() > 1 ? " are" : " is") + " on the command line, where other users of this"
                + " machine can read " + (fromCommandLine.size() > 1 ? "them" : "it") + " in the process list (ps). "
                + (fromCommandLine.containsKey(PASSWORD_PROPERTY)
                        ? "Keep the LXCA password in settings.xml (encrypted with mvn --encrypt-password), or use the environment: "
                        : "Use the environment: ")
                + variables);
        fromCommandLine.clear();
    }

    /** {@code -Dproperty}, else the environment variable, else null; one from a property is remembered. */
    private String secret(String property, String variable) {
        String value = fromProperties(property);
        if (value != null) {
            fromCommandLine.put(property, variable);
            return value;
        }
        return fromEnvironment(variable);
    }

    private String describe(String property, String variable) {
        return isProperty(property) ? "the property " + property : "the environment variable " + variable;
    }

    private boolean isProperty(String property) {
        return fromProperties(property) != null;
    }

    private void addIfVariable(List<String> names, String variable) {
        if (fromEnvironment(variable) != null) {
            names.add("the environment variable " + variable);
        }
    }

    private String fromProperties(String property) {
        String value = userProperties.getProperty(property, systemProperties.getProperty(property));
        return value == null || value.isEmpty() ? null : value;
    }

    private String fromEnvironment(String variable) {
        String value = environment.apply(variable);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }

    private Server serverOf(String serverId) {
        return settings == null || serverId == null ? null : settings.getServer(serverId);
    }

    private Credentials fromServer(Server server) throws MojoFailureException {
        Server decrypted = passwords.decrypt(server);
        String source = "the <server> '" + server.getId() + "' in settings.xml";
        if (!isGiven(decrypted.getUsername())
                || decrypted.getPassword() == null
                || decrypted.getPassword().isEmpty()) {
            throw new PluginConfigurationException(
                    source + " needs both <username> and <password> for LXCA", "add the one that is missing");
        }
        return new Credentials(decrypted.getUsername(), decrypted.getPassword(), source);
    }
}
