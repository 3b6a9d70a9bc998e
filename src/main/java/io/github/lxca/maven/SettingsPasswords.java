package io.github.lxca.maven;

import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Decrypts the password of a {@code settings.xml} server or proxy with Maven's {@link SettingsDecrypter},
 * and only while it is still encrypted. Maven 4 decrypts the settings itself before any plugin runs (and
 * fails the build on a password it cannot decrypt), so there the decrypter, which Maven 4 deprecates, is
 * never called. Maven's warnings about a password, such as one asking to migrate it to a newer
 * encryption, are passed on; an error fails the build.
 */
final class SettingsPasswords {
    private final SettingsDecrypter decrypter;
    private final Consumer<String> warnings;

    SettingsPasswords(SettingsDecrypter decrypter, Consumer<String> warnings) {
        this.decrypter = decrypter;
        this.warnings = warnings;
    }

    Server decrypt(Server server) throws MojoFailureException {
        if (!isEncrypted(server.getPassword()) && !isEncrypted(server.getPassphrase())) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        check(result.getProblems(), "<server> '" + server.getId() + "'");
        return result.getServer();
    }

    Proxy decrypt(Proxy proxy) throws MojoFailureException {
        if (!isEncrypted(proxy.getPassword())) {
            return proxy;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        check(result.getProblems(), "<proxy> '" + proxy.getId() + "'");
        return result.getProxy();
    }

    /**
     * Whether the value holds an encrypted part, {@code {...}} in Maven 3's format and
     * {@code {[name=master,...]...}} in Maven 4's. A plain password with braces in it is handed to the
     * decrypter too, which leaves it as it is.
     */
    static boolean isEncrypted(String value) {
        if (value == null) {
            return false;
        }
        int open = value.indexOf('{');
        return open >= 0 && value.indexOf('}', open + 1) > open + 1;
    }

    private void check(List<SettingsProblem> problems, String entry) throws MojoFailureException {
        for (SettingsProblem problem : problems) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new PluginConfigurationException(
                        "Cannot decrypt the password of " + entry + " in settings.xml: " + problem.getMessage(),
                        "check ~/.m2/settings-security.xml (the master password), or encrypt"
                                + " the password again with mvn --encrypt-password");
            }
            warnings.accept("settings.xml, " + entry + ": " + problem.getMessage());
        }
    }
}
