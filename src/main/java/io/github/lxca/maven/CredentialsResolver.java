package io.github.lxca.maven;

import io.github.lxca.client.Credentials;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/**
 * Finds the LXCA user and password: a {@code settings.xml} server entry first (its password decrypted
 * by Maven), then {@code lxca.username}/{@code lxca.password}, then {@code LXCA_USERNAME}/{@code LXCA_PASSWORD}.
 */
final class CredentialsResolver {
    static final String PASSWORD_PROPERTY = "lxca.password";
    static final String PASSWORD_VARIABLE = "LXCA_PASSWORD";
    static final String USERNAME_VARIABLE = "LXCA_USERNAME";

    private final SettingsPasswords passwords;
    private final SecretLookup secrets;

    CredentialsResolver(SettingsPasswords passwords, SecretLookup secrets) {
        this.passwords = passwords;
        this.secrets = secrets;
    }

    Credentials resolve(Settings settings, String serverId, String username) throws MojoFailureException {
        Server server = serverOf(settings, serverId);
        if (server != null) {
            return fromServer(server);
        }
        String user = username != null && !username.isBlank() ? username : secrets.get("lxca.username", USERNAME_VARIABLE);
        String password = secrets.secret(PASSWORD_PROPERTY, PASSWORD_VARIABLE);
        if (user == null || password == null) {
            throw new PluginConfigurationException("No credentials for LXCA: settings.xml has no <server> with id '"
                    + serverId + "', and " + (user == null ? "no user name" : "no password") + " was given otherwise",
                    "add <server><id>" + serverId + "</id><username>...</username><password>...</password></server>"
                    + " to settings.xml (mvn --encrypt-password encrypts the password), or set "
                    + USERNAME_VARIABLE + " and " + PASSWORD_VARIABLE + " in the environment");
        }
        return new Credentials(user, password, secrets.describe(PASSWORD_PROPERTY, PASSWORD_VARIABLE));
    }

    /**
     * One line for the log: where the credentials {@link #resolve} returned came from. Call after it.
     */
    String origin(Settings settings, String serverId, String username, Credentials used) {
        if (serverOf(settings, serverId) != null) {
            return "LXCA credentials: user '" + used.username() + "' from " + used.source();
        }
        return "LXCA credentials: user '" + used.username() + "' from " + userSource(username) + ", password from "
                + used.source();
    }

    /**
     * A warning naming every other source of credentials that is set but not used, and how to use it
     * instead; empty when there is none.
     */
    List<String> ignoredSources(Settings settings, String serverId, String username) {
        List<String> ignored = new ArrayList<>();
        boolean userGiven = username != null && !username.isBlank();
        if (serverOf(settings, serverId) != null) {
            if (userGiven) {
                ignored.add("-Dlxca.username");
            }
            addIfSet(ignored, PASSWORD_PROPERTY, null);
            addIfSet(ignored, null, USERNAME_VARIABLE);
            addIfSet(ignored, null, PASSWORD_VARIABLE);
            return ignored.isEmpty() ? List.of() : List.of(String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
                    + " also set but not used: the <server> '" + serverId + "' of settings.xml comes first."
                    + " To use " + (ignored.size() == 1 ? "it" : "them") + " instead, name a server id that settings.xml"
                    + " does not have, for example -Dlxca.serverId=none.");
        }
        if (userGiven) {
            addIfSet(ignored, null, USERNAME_VARIABLE);
        }
        if (secrets.isProperty(PASSWORD_PROPERTY)) {
            addIfSet(ignored, null, PASSWORD_VARIABLE);
        }
        return ignored.isEmpty() ? List.of() : List.of(String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
                + " also set but not used: -Dlxca.username and -Dlxca.password come before the environment."
                + " To use the environment instead, leave those properties out.");
    }

    private void addIfSet(List<String> names, String property, String variable) {
        if (property != null && secrets.isProperty(property)) {
            names.add("-D" + property);
        } else if (variable != null && secrets.isVariable(variable)) {
            names.add("the environment variable " + variable);
        }
    }

    private String userSource(String username) {
        if (username != null && !username.isBlank()) {
            return "lxca.username";
        }
        return "the environment variable " + USERNAME_VARIABLE;
    }

    private static Server serverOf(Settings settings, String serverId) {
        return settings == null || serverId == null ? null : settings.getServer(serverId);
    }

    private Credentials fromServer(Server server) throws MojoFailureException {
        Server decrypted = passwords.decrypt(server);
        String source = "the <server> '" + server.getId() + "' in settings.xml";
        if (decrypted.getUsername() == null || decrypted.getUsername().isBlank()
                || decrypted.getPassword() == null || decrypted.getPassword().isEmpty()) {
            throw new PluginConfigurationException(source + " needs both <username> and <password> for LXCA",
                    "add the one that is missing");
        }
        return new Credentials(decrypted.getUsername(), decrypted.getPassword(), source);
    }
}
