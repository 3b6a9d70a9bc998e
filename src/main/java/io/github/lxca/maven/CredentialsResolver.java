package io.github.lxca.maven;

import io.github.lxca.client.Credentials;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the LXCA user and password: a {@code settings.xml} server entry first (its password decrypted
 * by Maven), then {@code lxca.username}/{@code lxca.password}, then {@code LXCA_USERNAME}/{@code LXCA_PASSWORD}.
 */
final class CredentialsResolver {
    static final String PASSWORD_PROPERTY = "lxca.password";
    static final String PASSWORD_VARIABLE = "LXCA_PASSWORD";
    static final String USERNAME_VARIABLE = "LXCA_USERNAME";

    private final SettingsDecrypter decrypter;
    private final SecretLookup secrets;

    CredentialsResolver(SettingsDecrypter decrypter, SecretLookup secrets) {
        this.decrypter = decrypter;
        this.secrets = secrets;
    }

    Credentials resolve(Settings settings, String serverId, String username) throws MojoFailureException {
        Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
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

    private Credentials fromServer(Server server) throws MojoFailureException {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new PluginConfigurationException("Cannot decrypt the password of <server> '" + server.getId()
                        + "' in settings.xml: " + problem.getMessage(), "check ~/.m2/settings-security.xml (the master"
                        + " password), or encrypt the password again with mvn --encrypt-password");
            }
        }
        Server decrypted = result.getServer();
        String source = "the <server> '" + server.getId() + "' in settings.xml";
        if (decrypted.getUsername() == null || decrypted.getUsername().isBlank()
                || decrypted.getPassword() == null || decrypted.getPassword().isEmpty()) {
            throw new PluginConfigurationException(source + " needs both <username> and <password> for LXCA",
                    "add the one that is missing");
        }
        return new Credentials(decrypted.getUsername(), decrypted.getPassword(), source);
    }
}
