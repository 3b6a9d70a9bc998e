package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.Credentials;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

class CredentialsResolverTest {
    private final Properties userProperties = new Properties();
    private final Map<String, String> environment = new java.util.HashMap<>();
    private final Settings settings = new Settings();

    /** Stands in for Maven's decrypter: "{enc}" passwords decrypt to "decrypted", "{broken}" ones fail. */
    static final SettingsDecrypter FAKE_DECRYPTER = new SettingsDecrypter() {
        @Override
        public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
            Server server = request.getServers().get(0).clone();
            List<SettingsProblem> problems = new java.util.ArrayList<>();
            if ("{broken}".equals(server.getPassword())) {
                problems.add(new DefaultSettingsProblem("Failed to decrypt password for server " + server.getId(),
                        SettingsProblem.Severity.ERROR, "server: " + server.getId(), -1, -1, null));
            } else if ("{enc}".equals(server.getPassword())) {
                server.setPassword("decrypted");
            }
            return new SettingsDecryptionResult() {
                @Override
                public Server getServer() {
                    return server;
                }

                @Override
                public List<Server> getServers() {
                    return List.of(server);
                }

                @Override
                public Proxy getProxy() {
                    return null;
                }

                @Override
                public List<Proxy> getProxies() {
                    return List.of();
                }

                @Override
                public List<SettingsProblem> getProblems() {
                    return problems;
                }
            };
        }
    };

    private CredentialsResolver resolver() {
        return new CredentialsResolver(new SettingsPasswords(FAKE_DECRYPTER, warning -> {}), new SecretLookup(userProperties, new Properties(), environment::get));
    }

    private void server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        settings.addServer(server);
    }

    @Test
    void serverEntryComesFirstAndItsPasswordIsDecrypted() throws Exception {
        server("lxca", "admin", "{enc}");
        userProperties.setProperty("lxca.password", "ignored");
        Credentials credentials = resolver().resolve(settings, "lxca", "other");
        assertEquals("admin", credentials.username());
        assertEquals("decrypted", credentials.password());
        assertEquals("the <server> 'lxca' in settings.xml", credentials.source());
    }

    @Test
    void propertiesComeNextThenTheEnvironment() throws Exception {
        userProperties.setProperty("lxca.password", "from-property");
        Credentials fromProperty = resolver().resolve(settings, "lxca", "admin");
        assertEquals("from-property", fromProperty.password());
        assertEquals("the property lxca.password", fromProperty.source());

        userProperties.clear();
        environment.put("LXCA_USERNAME", "env-user");
        environment.put("LXCA_PASSWORD", "from-env");
        Credentials fromEnvironment = resolver().resolve(settings, "lxca", null);
        assertEquals("env-user", fromEnvironment.username());
        assertEquals("from-env", fromEnvironment.password());
        assertEquals("the environment variable LXCA_PASSWORD", fromEnvironment.source());
    }

    @Test
    void missingCredentialsSayWhereToPutThem() {
        var e = assertThrows(MojoFailureException.class, () -> resolver().resolve(settings, "lxca", "admin"));
        assertTrue(e.getMessage().startsWith("No credentials for LXCA: settings.xml has no <server> with id 'lxca',"
                + " and no password was given otherwise\nWhat to do: add <server><id>lxca</id>"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn --encrypt-password"), e.getMessage());
    }

    @Test
    void undecryptablePasswordFailsWithoutShowingIt() {
        server("lxca", "admin", "{broken}");
        var e = assertThrows(MojoFailureException.class, () -> resolver().resolve(settings, "lxca", null));
        assertTrue(e.getMessage().startsWith("Cannot decrypt the password of <server> 'lxca' in settings.xml"),
                e.getMessage());
        assertFalse(e.getMessage().contains("{broken}"));
    }

    @Test
    void serverEntryWithoutPasswordIsRefused() {
        server("lxca", "admin", null);
        var e = assertThrows(MojoFailureException.class, () -> resolver().resolve(settings, "lxca", null));
        assertEquals("the <server> 'lxca' in settings.xml needs both <username> and <password> for LXCA"
                + "\nWhat to do: add the one that is missing", e.getMessage());
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertFalse(new Credentials("admin", "hunter2", "x").toString().contains("hunter2"));
    }
}
