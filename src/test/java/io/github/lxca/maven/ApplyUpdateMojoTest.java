package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.maven.MavenRun.CommandLine;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** What the parameters of apply-update, as a user sets them, turn into. */
@MojoTest
class ApplyUpdateMojoTest {
    @TempDir
    Path basedir;

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Inject
    private MojoExecution execution;

    private final MavenRun run = new MavenRun();

    @BeforeEach
    void prepare(TestInfo test) throws Exception {
        run.prepare(test, session, project, execution, basedir);
        Server server = new Server();
        server.setId("lxca");
        server.setUsername("release-bot");
        server.setPassword("from-settings");
        run.settings.addServer(server);
    }

    private ApplyUpdateMojo.Planned plan(ApplyUpdateMojo mojo) throws Exception {
        mojo.setLog(run.recordingLog());
        mojo.environment = name -> null;
        mojo.origins();
        return mojo.plan();
    }

    @Test
    @InjectMojo(goal = "apply-update")
    @CommandLine("lxca.url=https://lxca.example.com")
    void defaultsApplyThisBuildsUpdateWithTheDocumentedTiming(ApplyUpdateMojo mojo) throws Exception {
        ApplyUpdateMojo.Planned planned = plan(mojo);
        ApplyRequest request = planned.request();

        assertEquals(
                URI.create("https://lxca.example.com"), planned.connection().baseUri());
        assertEquals("lnvgy_sw_lxca_inventory-agent-2.1.0_anyos_noarch", request.fixId());
        assertEquals("2.1.0", request.updateVersion());
        assertEquals(Duration.ofMinutes(60), request.timing().timeout());
        assertEquals(Duration.ofMinutes(10), request.timing().gracePeriod());
        assertEquals(Duration.ofSeconds(5), request.timing().firstInterval());
        assertEquals(Duration.ofSeconds(30), request.timing().maxInterval());
        assertFalse(request.dryRun());
    }

    @Test
    @InjectMojo(goal = "apply-update")
    @CommandLine({
        "lxca.url=https://lxca.example.com",
        "lxca.fixId=lnvgy_sw_lxca_other-3.0.0_anyos_noarch",
        "lxca.applyTimeout=PT2H",
        "lxca.applyGracePeriod=60",
        "lxca.dryRun=true"
    })
    void theCommandLineChoosesTheUpdateTheTimingAndADryRun(ApplyUpdateMojo mojo) throws Exception {
        ApplyRequest request = plan(mojo).request();

        assertEquals("lnvgy_sw_lxca_other-3.0.0_anyos_noarch", request.fixId());
        assertEquals("3.0.0", request.updateVersion(), "the version the fix id names, not the project's");
        assertEquals(Duration.ofHours(2), request.timing().timeout());
        assertEquals(Duration.ofMinutes(1), request.timing().gracePeriod());
        assertTrue(request.dryRun());
    }

    @Test
    @InjectMojo(goal = "apply-update")
    void withoutAUrlItSaysWhatToSet(ApplyUpdateMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> plan(mojo));
        assertTrue(e.getMessage().contains("lxca:apply-update needs the URL of LXCA"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply-update")
    @CommandLine("lxca.url=https://lxca.example.com")
    void serversConfiguredForTheApplyGoalAreRefusedWithTheWayToRollOut(ApplyUpdateMojo mojo) throws Exception {
        Field field = AbstractConnectionMojo.class.getDeclaredField("servers");
        field.setAccessible(true);
        field.set(
                mojo,
                List.of(
                        new LxcaServer().with("site-a", "https://a.example"),
                        new LxcaServer().with("site-b", "https://b.example")));

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> plan(mojo));

        assertEquals(
                "lxca:apply-update applies to the one LXCA of lxca.url, but its configuration has <servers> (2"
                        + " entries), which it does not read\n"
                        + "What to do: apply to the LXCAs of <servers> with lxca:import-update and <apply>true</apply>"
                        + " (or -Dlxca.apply=true): a staged rollout with canary, waves and maxFailures; move <servers>"
                        + " to that goal's configuration, or set lxca.url here to apply to one LXCA",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply-update")
    @CommandLine({"lxca.url=https://lxca.example.com", "lxca.skipApply=true"})
    void aSkippedApplyLeavesNoReportOfAnEarlierRun(ApplyUpdateMojo mojo) throws Exception {
        mojo.setLog(run.recordingLog());
        Path report = mojo.reportFile();
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"outcome\": \"JOB_FAILED\", \"applies\": []}");

        mojo.execute();

        assertFalse(Files.exists(report), "a stale JOB_FAILED report that CI would archive");
        assertTrue(
                run.log.contains(
                        "INFO Deleted the apply report of an earlier run, " + report + ": this run applied nothing"),
                run.log.toString());
    }
}
