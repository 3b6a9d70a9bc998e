package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.OnExisting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the parameters of import-update, as a user sets them, turn into: the request, and what the log says. */
class ImportUpdateMojoTest {
    @TempDir
    Path basedir;

    private final Map<String, String> environment = new HashMap<>();

    /** Stands in for Maven's decrypter: passwords are not encrypted in these tests. */
    private final SettingsDecrypter plainDecrypter = CredentialsResolverTest.FAKE_DECRYPTER;

    private MojoSetup setup() {
        MojoSetup setup = new MojoSetup(basedir);
        Server server = new Server();
        server.setId("lxca");
        server.setUsername("release-bot");
        server.setPassword("from-settings");
        setup.settings.addServer(server);
        return setup;
    }

    private List<ImportRequest> requests(MojoSetup setup) throws Exception {
        ImportUpdateMojo mojo = setup.inject(new ImportUpdateMojo(plainDecrypter), "import-update");
        mojo.environment = environment::get;
        mojo.origins(); // as execute() does first
        return mojo.buildRequests();
    }

    private List<String> warnings(MojoSetup setup) {
        return setup.log.stream().filter(line -> line.startsWith("WARN ")).toList();
    }

    @Test
    void defaultsGiveTheDocumentedRequest() throws Exception {
        MojoSetup setup = setup().commandLine("lxca.url", "https://lxca.example.com");
        ImportRequest request = requests(setup).get(0);

        assertEquals(URI.create("https://lxca.example.com"), request.connection().baseUri());
        assertEquals(basedir.resolve("target/lxca-update"), request.updateDirectory());
        assertEquals(Duration.ofSeconds(5), request.pollInterval());
        assertEquals(Duration.ofHours(1), request.taskTimeout());
        assertEquals(Duration.ofSeconds(30), request.connection().connectTimeout());
        assertEquals(Duration.ofMinutes(10), request.connection().readTimeout());
        assertEquals(3, request.connection().retries());
        assertEquals(OnExisting.FAIL, request.onExisting());
        assertFalse(request.dryRun());
        assertEquals("release-bot", request.connection().credentials().username());
        assertEquals(List.of("INFO LXCA credentials: user 'release-bot' from the <server> 'lxca' in settings.xml"), setup.log);
    }

    @Test
    void commandLinePropertiesSetTheirParameters() throws Exception {
        MojoSetup setup = setup().commandLine("lxca.url", "https://lxca.example.com:8443")
                .commandLine("lxca.pollInterval", "PT0.5S").commandLine("lxca.taskTimeout", "90")
                .commandLine("lxca.retries", "0").commandLine("lxca.onExisting", "skip")
                .commandLine("lxca.dryRun", "true").commandLine("lxca.updateDirectory", "/srv/sets");
        ImportRequest request = requests(setup).get(0);

        assertEquals(Duration.ofMillis(500), request.pollInterval());
        assertEquals(Duration.ofSeconds(90), request.taskTimeout());
        assertEquals(0, request.connection().retries());
        assertEquals(OnExisting.SKIP, request.onExisting());
        assertTrue(request.dryRun());
        assertEquals(Path.of("/srv/sets"), request.updateDirectory());
        assertEquals(List.of(), warnings(setup));
    }

    @Test
    void theCommandLineBeatsThePomsProperties() throws Exception {
        MojoSetup setup = setup().pomProperty("lxca.url", "https://lxca.example.com")
                .commandLine("lxca.url", "https://localhost:8443");

        assertEquals(URI.create("https://localhost:8443"), requests(setup).get(0).connection().baseUri());
        assertEquals(List.of(), warnings(setup));
    }

    @Test
    void thePomsPropertiesApplyWithoutACommandLineValue() throws Exception {
        MojoSetup setup = setup().pomProperty("lxca.url", "https://lxca.example.com");

        assertEquals(URI.create("https://lxca.example.com"), requests(setup).get(0).connection().baseUri());
    }

    @Test
    void aConfigurationValueThatBeatsTheCommandLineIsNamedWithBothValues() throws Exception {
        MojoSetup setup = setup().configure("url", "https://lxca.example.com")
                .commandLine("lxca.url", "https://someone:secret@localhost:8443")
                .configure("serverId", "lxca").commandLine("lxca.serverId", "lxca-rehearsal");

        assertEquals(URI.create("https://lxca.example.com"), requests(setup).get(0).connection().baseUri());
        List<String> warnings = warnings(setup);
        assertEquals(2, warnings.size(), String.valueOf(warnings));
        assertTrue(warnings.contains("WARN -Dlxca.serverId=lxca-rehearsal is ignored: the pom's <configuration> sets"
                + " <serverId>lxca</serverId>, which Maven puts first. To let the command line win, move it to the pom's"
                + " <properties> as <lxca.serverId>."), String.valueOf(warnings));
        String url = warnings.stream().filter(w -> w.contains("lxca.url")).findFirst().orElseThrow();
        assertTrue(url.startsWith("WARN -Dlxca.url=https://localhost:8443 is ignored: the pom's <configuration> sets"
                + " <url>https://lxca.example.com</url>"), url);
        assertFalse(String.join("\n", setup.log).contains("secret"));
    }

    @Test
    void theSameValueOnBothSidesIsNotWarnedAbout() throws Exception {
        MojoSetup setup = setup().configure("url", "https://lxca.example.com").commandLine("lxca.url", "https://lxca.example.com");
        requests(setup);

        assertEquals(List.of(), warnings(setup));
    }

    @Test
    void credentialsOnTheCommandLineBesideAServerEntryAreNamedAsUnused() throws Exception {
        MojoSetup setup = setup().commandLine("lxca.url", "https://localhost:8443")
                .commandLine("lxca.username", "upload-409").commandLine("lxca.password", "typed");
        environment.put("LXCA_PASSWORD", "exported");
        ImportRequest request = requests(setup).get(0);

        assertEquals("release-bot", request.connection().credentials().username());
        assertEquals(List.of("WARN -Dlxca.username, -Dlxca.password, the environment variable LXCA_PASSWORD are also set"
                + " but not used: the <server> 'lxca' of settings.xml comes first. To use them instead, name a server id"
                + " that settings.xml does not have, for example -Dlxca.serverId=none."), warnings(setup));
        assertFalse(String.join("\n", setup.log).contains("typed"));
    }

    @Test
    void withoutAServerEntryTheCommandLineCredentialsAreUsedAndTheLogSaysSo() throws Exception {
        MojoSetup setup = setup().commandLine("lxca.url", "https://localhost:8443").commandLine("lxca.serverId", "none")
                .commandLine("lxca.username", "upload-409").commandLine("lxca.password", "typed");
        environment.put("LXCA_USERNAME", "exported-user");
        ImportRequest request = requests(setup).get(0);

        assertEquals("upload-409", request.connection().credentials().username());
        assertEquals("typed", request.connection().credentials().password());
        assertTrue(setup.log.contains("INFO LXCA credentials: user 'upload-409' from lxca.username, password from the"
                + " property lxca.password"), String.valueOf(setup.log));
        assertEquals(List.of("WARN the environment variable LXCA_USERNAME is also set but not used: -Dlxca.username and"
                + " -Dlxca.password come before the environment. To use the environment instead, leave those properties"
                + " out."), warnings(setup));
    }

    @Test
    void theEnvironmentIsUsedWhenNothingElseIsSet() throws Exception {
        MojoSetup setup = setup().commandLine("lxca.url", "https://localhost:8443").commandLine("lxca.serverId", "none");
        environment.put("LXCA_USERNAME", "ci-user");
        environment.put("LXCA_PASSWORD", "exported");
        ImportRequest request = requests(setup).get(0);

        assertEquals("ci-user", request.connection().credentials().username());
        assertEquals(List.of("INFO LXCA credentials: user 'ci-user' from the environment variable LXCA_USERNAME,"
                + " password from the environment variable LXCA_PASSWORD"), setup.log);
    }

    @Test
    void withoutAnyUrlTheGoalSaysWhatToSet() throws Exception {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> requests(setup()));
        assertEquals("No LXCA to import into\nWhat to do: set lxca.url (https://host[:port]), or list several in <servers>", e.getMessage());
    }

    @Test
    void originsNameWhereTheUrlCameFrom() throws Exception {
        assertEquals("lxca.url from the pom's configuration (<url>)", origin(setup().configure("url", "https://a")));
        assertEquals("lxca.url from the command line (-Dlxca.url)", origin(setup().commandLine("lxca.url", "https://a")));
        assertEquals("lxca.url from the pom's <properties>", origin(setup().pomProperty("lxca.url", "https://a")));
    }

    private String origin(MojoSetup setup) throws Exception {
        ImportUpdateMojo mojo = setup.inject(new ImportUpdateMojo(plainDecrypter), "import-update");
        return mojo.origins().describe("url");
    }
}
