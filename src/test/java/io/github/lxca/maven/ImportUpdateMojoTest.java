package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.OnExisting;
import io.github.lxca.maven.MavenRun.CommandLine;
import io.github.lxca.maven.MavenRun.PomProperties;
import io.github.lxca.testing.SampleUpdateSets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the parameters of import-update, as a user sets them, turn into: the request, and what the log
 * says. Maven (maven-plugin-testing-harness) configures the goal from its plugin descriptor.
 */
@MojoTest
class ImportUpdateMojoTest extends GoalHarness {
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void addSettings() throws Exception {
        addServer("lxca", "release-bot", "from-settings");
    }

    private List<ImportRequest> requests(ImportUpdateMojo mojo) throws Exception {
        mojo.setLog(run.recordingLog());
        mojo.environment = environment::get;
        mojo.origins(); // as execute() does first
        return mojo.buildRequests();
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine("lxca.url=https://lxca.example.com")
    void defaultsGiveTheDocumentedRequest(ImportUpdateMojo mojo) throws Exception {
        ImportRequest request = requests(mojo).get(0);

        assertEquals(
                URI.create("https://lxca.example.com"), request.connection().baseUri());
        assertEquals(basedir.resolve("target/lxca-update"), request.updateDirectory());
        assertEquals(Duration.ofSeconds(5), request.pollInterval());
        assertEquals(Duration.ofHours(1), request.taskTimeout());
        assertEquals(Duration.ofSeconds(30), request.connection().connectTimeout());
        assertEquals(Duration.ofMinutes(10), request.connection().readTimeout());
        assertEquals(3, request.connection().retries());
        assertEquals(OnExisting.FAIL, request.onExisting());
        assertFalse(request.dryRun());
        assertEquals("release-bot", request.connection().credentials().username());
        assertEquals(
                List.of("INFO LXCA credentials: user 'release-bot' from the <server> 'lxca' in settings.xml"), run.log);
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine({
        "lxca.url=https://lxca.example.com:8443",
        "lxca.pollInterval=PT0.5S",
        "lxca.taskTimeout=90",
        "lxca.retries=0",
        "lxca.onExisting=skip",
        "lxca.dryRun=true",
        "lxca.updateDirectory=/srv/sets"
    })
    void commandLinePropertiesSetTheirParameters(ImportUpdateMojo mojo) throws Exception {
        ImportRequest request = requests(mojo).get(0);

        assertEquals(Duration.ofMillis(500), request.pollInterval());
        assertEquals(Duration.ofSeconds(90), request.taskTimeout());
        assertEquals(0, request.connection().retries());
        assertEquals(OnExisting.SKIP, request.onExisting());
        assertTrue(request.dryRun());
        assertEquals(Path.of("/srv/sets"), request.updateDirectory());
        assertEquals(List.of(), run.warnings());
    }

    @Test
    @InjectMojo(goal = "import-update")
    @PomProperties("lxca.url=https://lxca.example.com")
    @CommandLine("lxca.url=https://localhost:8443")
    void theCommandLineBeatsThePomsProperties(ImportUpdateMojo mojo) throws Exception {
        assertEquals(
                URI.create("https://localhost:8443"),
                requests(mojo).get(0).connection().baseUri());
        assertEquals(List.of(), run.warnings());
        assertEquals(
                "lxca.url from the command line (-Dlxca.url)", mojo.origins().describe("url"));
    }

    @Test
    @InjectMojo(goal = "import-update")
    @PomProperties("lxca.url=https://lxca.example.com")
    void thePomsPropertiesApplyWithoutACommandLineValue(ImportUpdateMojo mojo) throws Exception {
        assertEquals(
                URI.create("https://lxca.example.com"),
                requests(mojo).get(0).connection().baseUri());
        assertEquals("lxca.url from the pom's <properties>", mojo.origins().describe("url"));
    }

    @Test
    @InjectMojo(goal = "import-update")
    @MojoParameter(name = "url", value = "https://lxca.example.com")
    @MojoParameter(name = "serverId", value = "lxca")
    @CommandLine({"lxca.url=https://someone:secret@localhost:8443", "lxca.serverId=lxca-rehearsal"})
    void aConfigurationValueThatBeatsTheCommandLineIsNamedWithBothValues(ImportUpdateMojo mojo) throws Exception {
        assertEquals(
                URI.create("https://lxca.example.com"),
                requests(mojo).get(0).connection().baseUri());
        assertEquals(
                "lxca.url from the pom's configuration (<url>)", mojo.origins().describe("url"));
        List<String> warnings = run.warnings();
        assertEquals(2, warnings.size(), String.valueOf(warnings));
        assertTrue(
                warnings.contains("WARN -Dlxca.serverId=lxca-rehearsal is ignored: the pom's <configuration> sets"
                        + " <serverId>lxca</serverId>, which Maven puts first. To let the command line win, move it to the pom's"
                        + " <properties> as <lxca.serverId>."),
                String.valueOf(warnings));
        String url = warnings.stream()
                .filter(w -> w.contains("lxca.url"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                url.startsWith("WARN -Dlxca.url=https://***@localhost:8443 is ignored: the pom's <configuration> sets"
                        + " <url>https://lxca.example.com</url>"),
                url);
        assertFalse(String.join("\n", run.log).contains("secret"));
    }

    @Test
    @InjectMojo(goal = "import-update")
    @MojoParameter(name = "url", value = "https://lxca.example.com")
    @CommandLine("lxca.url=https://lxca.example.com")
    void theSameValueOnBothSidesIsNotWarnedAbout(ImportUpdateMojo mojo) throws Exception {
        requests(mojo);

        assertEquals(List.of(), run.warnings());
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine({"lxca.url=https://localhost:8443", "lxca.username=upload-409", "lxca.password=typed"})
    void credentialsOnTheCommandLineBesideAServerEntryAreNamedAsUnused(ImportUpdateMojo mojo) throws Exception {
        environment.put("LXCA_PASSWORD", "exported");
        ImportRequest request = requests(mojo).get(0);

        assertEquals("release-bot", request.connection().credentials().username());
        assertEquals(
                List.of("WARN -Dlxca.username, -Dlxca.password, the environment variable LXCA_PASSWORD are also set"
                        + " but not used: the <server> 'lxca' of settings.xml comes first. To use them instead, name a server id"
                        + " that settings.xml does not have, for example -Dlxca.serverId=none."),
                run.warnings());
        assertFalse(String.join("\n", run.log).contains("typed"));
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine({
        "lxca.url=https://localhost:8443",
        "lxca.serverId=none",
        "lxca.username=upload-409",
        "lxca.password=typed"
    })
    void withoutAServerEntryTheCommandLineCredentialsAreUsedAndTheLogSaysSo(ImportUpdateMojo mojo) throws Exception {
        environment.put("LXCA_USERNAME", "exported-user");
        environment.put("LXCA_PASSWORD", "exported");
        ImportRequest request = requests(mojo).get(0);

        assertEquals("upload-409", request.connection().credentials().username());
        assertEquals("typed", request.connection().credentials().password());
        assertTrue(
                run.log.contains("INFO LXCA credentials: user 'upload-409' from lxca.username, password from the"
                        + " property lxca.password"),
                String.valueOf(run.log));
        assertEquals(
                List.of("WARN the environment variable LXCA_USERNAME, the environment variable LXCA_PASSWORD are also"
                        + " set but not used: -Dlxca.username and -Dlxca.password come before the environment. To use the"
                        + " environment instead, leave those properties out."),
                run.warnings());
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine({"lxca.url=https://localhost:8443", "lxca.serverId=none"})
    void theEnvironmentIsUsedWhenNothingElseIsSet(ImportUpdateMojo mojo) throws Exception {
        environment.put("LXCA_USERNAME", "ci-user");
        environment.put("LXCA_PASSWORD", "exported");
        ImportRequest request = requests(mojo).get(0);

        assertEquals("ci-user", request.connection().credentials().username());
        assertEquals(
                List.of("INFO LXCA credentials: user 'ci-user' from the environment variable LXCA_USERNAME,"
                        + " password from the environment variable LXCA_PASSWORD"),
                run.log);
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine({"lxca.url=https://127.0.0.1:1", "lxca.retries=0", "lxca.serverId=none"})
    void anUnreachableLxcaIsABrokenEnvironmentAndTheMessageSaysWhereItsUrlCameFrom(ImportUpdateMojo mojo)
            throws Exception {
        SampleUpdateSets.write(basedir.resolve("target/lxca-update"), "lnvgy_sw_lxca_agent-1.0.0_anyos_noarch");
        environment.put("LXCA_USERNAME", "ci-user");
        environment.put("LXCA_PASSWORD", "exported");
        mojo.setLog(run.recordingLog());
        mojo.environment = environment::get;

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(
                MojoExecutionException.class, e.getClass(), "Maven's error for a broken environment, not a failure");
        assertTrue(
                e.getMessage().startsWith("Cannot connect to LXCA at 127.0.0.1:1: connection refused"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("\nThe URL https://127.0.0.1:1 came from lxca.url from the command line"
                                + " (-Dlxca.url)."),
                e.getMessage());
        assertTrue(Files.exists(basedir.resolve("target/lxca/import-report.json")), "the report of the failed run");
    }

    @Test
    @InjectMojo(goal = "import-update")
    void withoutAnyUrlTheGoalSaysWhatToSet(ImportUpdateMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> requests(mojo));
        assertEquals(
                "No LXCA to import into\nWhat to do: set lxca.url (https://host[:port]), or list several in <servers>",
                e.getMessage());
    }
}
