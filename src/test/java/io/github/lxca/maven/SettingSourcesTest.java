package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.Credentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each credential comes from when several sources are set: the README's rules, row by row. */
class SettingSourcesTest {
    private final Settings settings = new Settings();
    private final Properties userProperties = new Properties();
    private final Properties systemProperties = new Properties();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private DefaultRepositorySystemSession repositorySession;

    private SettingSources sources() {
        return new SettingSources(
                settings,
                userProperties,
                systemProperties,
                environment::get,
                repositorySession,
                new SettingsPasswords(new FakeDecrypter(), warnings::add));
    }

    /**
     * "The {@code <server>} entry comes first, then {@code -D}, then the environment." A {@code -} is a source
     * that is not set. The user name's {@code -D} is the {@code username} parameter, which Maven fills from
     * {@code -Dlxca.username} (or the pom).
     */
    @ParameterizedTest(name = "{0}: <server> {1}, -D {2}, environment {3} -> {4} from {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # setting                       | settings.xml <server> | -D          | environment | used        | said to come from
            user name                       | release-bot           | cli-user    | env-user    | release-bot | the <server> 'lxca' in settings.xml
            user name                       | -                     | cli-user    | env-user    | cli-user    | lxca.username
            user name                       | -                     | -           | env-user    | env-user    | the environment variable LXCA_USERNAME
            password                        | server-pw             | cli-pw      | env-pw      | server-pw   | the <server> 'lxca' in settings.xml
            password                        | -                     | cli-pw      | env-pw      | cli-pw      | the property lxca.password
            password                        | -                     | -           | env-pw      | env-pw      | the environment variable LXCA_PASSWORD
            password as a system property   | -                     | cli-pw      | env-pw      | cli-pw      | the property lxca.password
            trust store password            | -                     | cli-store   | env-store   | cli-store   | the property lxca.trustStorePassword
            trust store password            | -                     | -           | env-store   | env-store   | the environment variable LXCA_TRUSTSTORE_PASSWORD
            """)
    void precedence(
            String setting, String server, String commandLine, String fromEnvironment, String used, String origin)
            throws Exception {
        switch (setting) {
            case "user name" -> {
                if (server != null) {
                    server("lxca", server, "server-pw");
                }
                environment.put("LXCA_USERNAME", fromEnvironment);
                environment.put("LXCA_PASSWORD", "env-pw");
                SettingSources sources = sources();
                Credentials credentials = sources.credentials("lxca", commandLine);
                assertEquals(used, credentials.username());
                assertTrue(
                        sources.credentialsOrigin("lxca", commandLine, credentials)
                                .startsWith("LXCA credentials: user '" + used + "' from " + origin),
                        origin);
            }
            case "password", "password as a system property" -> {
                if (server != null) {
                    server("lxca", "admin", server);
                }
                if (commandLine != null) {
                    (setting.equals("password") ? userProperties : systemProperties)
                            .setProperty("lxca.password", commandLine);
                }
                environment.put("LXCA_PASSWORD", fromEnvironment);
                Credentials credentials = sources().credentials("lxca", "admin");
                assertEquals(used, credentials.password());
                assertEquals(origin, credentials.source());
            }
            case "trust store password" -> {
                if (commandLine != null) {
                    userProperties.setProperty("lxca.trustStorePassword", commandLine);
                }
                environment.put("LXCA_TRUSTSTORE_PASSWORD", fromEnvironment);
                SettingSources sources = sources();
                assertEquals(used, sources.trustStorePassword());
                assertEquals(origin, sources.trustStorePasswordSource());
            }
            default -> throw new AssertionError("no such setting: " + setting);
        }
    }

    @Test
    void aServerEntrysPasswordIsDecryptedByMaven() throws Exception {
        server("lxca", "admin", "{enc}");
        assertEquals("decrypted", sources().credentials("lxca", null).password());
    }

    @Test
    void anEmptyValueCountsAsNotSet() throws Exception {
        userProperties.setProperty("lxca.password", "");
        environment.put("LXCA_PASSWORD", "env-pw");
        environment.put("LXCA_USERNAME", "");
        var e = assertThrows(MojoFailureException.class, () -> sources().credentials("lxca", " "));
        assertTrue(e.getMessage().contains("and no user name was given otherwise"), e.getMessage());
        assertEquals("env-pw", sources().credentials("lxca", "admin").password());
    }

    @Test
    void missingCredentialsSayWhereToPutThem() {
        var e = assertThrows(MojoFailureException.class, () -> sources().credentials("lxca", "admin"));
        assertEquals(
                "No credentials for LXCA: settings.xml has no <server> with id 'lxca', and no password was given"
                        + " otherwise\nWhat to do: add <server><id>lxca</id><username>...</username><password>...</password></server>"
                        + " to settings.xml (mvn --encrypt-password encrypts the password), or set LXCA_USERNAME and LXCA_PASSWORD"
                        + " in the environment",
                e.getMessage());
    }

    @Test
    void anUndecryptablePasswordFailsWithoutShowingIt() {
        server("lxca", "admin", "{broken}");
        var e = assertThrows(MojoFailureException.class, () -> sources().credentials("lxca", null));
        assertTrue(
                e.getMessage().startsWith("Cannot decrypt the password of <server> 'lxca' in settings.xml"),
                e.getMessage());
        assertFalse(e.getMessage().contains("{broken}"));
    }

    @Test
    void aServerEntryWithoutPasswordIsRefused() {
        server("lxca", "admin", null);
        var e = assertThrows(MojoFailureException.class, () -> sources().credentials("lxca", null));
        assertEquals(
                "the <server> 'lxca' in settings.xml needs both <username> and <password> for LXCA"
                        + "\nWhat to do: add the one that is missing",
                e.getMessage());
    }

    @Test
    void sourcesBesideAServerEntryAreNamedAsUnused() {
        server("lxca", "release-bot", "pw");
        userProperties.setProperty("lxca.password", "typed");
        environment.put("LXCA_PASSWORD", "exported");

        assertEquals(
                List.of("-Dlxca.username, -Dlxca.password, the environment variable LXCA_PASSWORD are also set"
                        + " but not used: the <server> 'lxca' of settings.xml comes first. To use them instead, name a server id"
                        + " that settings.xml does not have, for example -Dlxca.serverId=none."),
                sources().ignoredCredentialSources("lxca", "upload-409"));
    }

    @Test
    void theEnvironmentBesideTheCommandLineIsNamedAsUnused() {
        userProperties.setProperty("lxca.password", "typed");
        environment.put("LXCA_USERNAME", "exported-user");
        environment.put("LXCA_PASSWORD", "exported");

        assertEquals(
                List.of("the environment variable LXCA_USERNAME, the environment variable LXCA_PASSWORD are also set"
                        + " but not used: -Dlxca.username and -Dlxca.password come before the environment. To use the environment"
                        + " instead, leave those properties out."),
                sources().ignoredCredentialSources("none", "upload-409"));
    }

    @Test
    void aPasswordFromTheCommandLineIsWarnedAboutOnceWithWhatToUseInstead() throws Exception {
        userProperties.setProperty("lxca.password", "pw");
        SettingSources sources = sources();

        sources.credentials("lxca", "admin");
        sources.credentials("lxca-west", "admin"); // a second LXCA of <servers>
        sources.warnAboutCommandLine(warnings::add);
        sources.warnAboutCommandLine(warnings::add);

        assertEquals(
                List.of("The password given as -Dlxca.password is on the command line, where other users of this"
                        + " machine can read it in the process list (ps). Keep the LXCA password in settings.xml (encrypted with"
                        + " mvn --encrypt-password), or use the environment: LXCA_PASSWORD instead of -Dlxca.password"),
                warnings);
    }

    @Test
    void aTrustStorePasswordFromASystemPropertyIsWarnedAboutWithOnlyTheEnvironmentOffered() {
        systemProperties.setProperty("lxca.trustStorePassword", "changeit");
        SettingSources sources = sources();

        sources.trustStorePassword();
        sources.warnAboutCommandLine(warnings::add);

        assertEquals(
                List.of("The password given as -Dlxca.trustStorePassword is on the command line, where other users of"
                        + " this machine can read it in the process list (ps). Use the environment: LXCA_TRUSTSTORE_PASSWORD"
                        + " instead of -Dlxca.trustStorePassword"),
                warnings);
    }

    @Test
    void passwordsFromTheEnvironmentAreNotWarnedAbout() throws Exception {
        environment.put("LXCA_PASSWORD", "pw");
        environment.put("LXCA_TRUSTSTORE_PASSWORD", "changeit");
        SettingSources sources = sources();

        sources.credentials("lxca", "admin");
        sources.trustStorePassword();
        sources.warnAboutCommandLine(warnings::add);

        assertEquals(List.of(), warnings);
    }

    @Test
    void withoutARepositorySessionThereIsNoProxy() throws Exception {
        assertTrue(sources().proxyFor(URI.create("https://lxca.example.com")).isEmpty());
    }

    @Test
    void aProxyPasswordMavenCouldNotDecryptFailsNamingTheProxy() {
        org.apache.maven.settings.Proxy declared = new org.apache.maven.settings.Proxy();
        declared.setId("corporate");
        declared.setHost("proxy.example.com");
        declared.setPort(3128);
        settings.addProxy(declared);
        repositorySession = new DefaultRepositorySystemSession();
        // what Maven 3 hands over when it cannot decrypt: the encrypted value, with a DEBUG line only
        repositorySession.setProxySelector(new DefaultProxySelector()
                .add(
                        new Proxy(
                                "http",
                                "proxy.example.com",
                                3128,
                                new AuthenticationBuilder()
                                        .addUsername("proxy-user")
                                        .addPassword("{broken}")
                                        .build()),
                        null));

        var e = assertThrows(
                MojoFailureException.class, () -> sources().proxyFor(URI.create("https://lxca.example.com")));
        assertTrue(
                e.getMessage().startsWith("Cannot decrypt the password of <proxy> 'corporate' in settings.xml"),
                e.getMessage());
        assertFalse(e.getMessage().contains("{broken}"));
    }

    @Test
    void aProxyWithoutCredentialsHasNone() throws Exception {
        repositorySession = new DefaultRepositorySystemSession();
        repositorySession.setProxySelector(
                new DefaultProxySelector().add(new Proxy("http", "proxy.example.com", 3128, null), null));

        var proxy = sources().proxyFor(URI.create("https://lxca.example.com")).orElseThrow();
        assertEquals("proxy.example.com", proxy.host());
        assertNull(proxy.username());
    }

    private void server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        settings.addServer(server);
    }
}
