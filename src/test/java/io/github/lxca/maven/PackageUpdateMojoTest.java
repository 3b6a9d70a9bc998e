package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.maven.MavenRun.CommandLine;
import io.github.lxca.maven.MavenRun.PomProperties;
import io.github.lxca.packaging.PackageRequest;
import io.github.lxca.packaging.PackagingException;
import io.github.lxca.packaging.PayloadSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** What the packaging parameters, shared by package-update and import-update, turn into. */
@MojoTest
class PackageUpdateMojoTest extends GoalHarness {

    private PackageRequest request(PackageUpdateMojo mojo) throws Exception {
        mojo.setLog(run.recordingLog());
        mojo.origins();
        return mojo.packaging().request(basedir.resolve("out"));
    }

    private PackageRequest request(ImportUpdateMojo mojo) throws Exception {
        mojo.setLog(run.recordingLog());
        mojo.origins();
        return mojo.packaging().request(basedir.resolve("out"));
    }

    @Test
    @InjectMojo(goal = "package-update")
    @MojoParameter(name = "payloadDirectory", value = "/builds/payload")
    void defaultsComeFromTheProject(PackageUpdateMojo mojo) throws Exception {
        PackageRequest request = request(mojo);

        assertEquals("lnvgy_sw_lxca_inventory-agent-2.1.0_anyos_noarch", request.fixId());
        assertEquals("inventory-agent", request.component());
        assertEquals("2.1.0", request.version());
        assertEquals("Inventory agent", request.name());
        assertEquals(new PayloadSource.Folder(Path.of("/builds/payload")), request.payload());
    }

    @Test
    @InjectMojo(goal = "package-update")
    @CommandLine({"lxca.payload=/builds/agent.tgz", "lxca.version=2.1.1"})
    @PomProperties("lxca.component=agent")
    void packageUpdateMapsThePackagingParameters(PackageUpdateMojo mojo) throws Exception {
        PackageRequest request = request(mojo);

        assertEquals("lnvgy_sw_lxca_agent-2.1.1_anyos_noarch", request.fixId());
        assertEquals(new PayloadSource.Archive(Path.of("/builds/agent.tgz")), request.payload());
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine({"lxca.payload=/builds/agent.tgz", "lxca.version=2.1.1"})
    @PomProperties("lxca.component=agent")
    void importUpdateMapsThemAlike(ImportUpdateMojo mojo) throws Exception {
        PackageRequest request = request(mojo);

        assertEquals("lnvgy_sw_lxca_agent-2.1.1_anyos_noarch", request.fixId());
        assertEquals(new PayloadSource.Archive(Path.of("/builds/agent.tgz")), request.payload());
    }

    @Test
    @InjectMojo(goal = "package-update")
    @MojoParameter(name = "payload", value = "/builds/agent.tgz")
    @MojoParameter(name = "version", value = "2.1.0")
    @CommandLine("lxca.version=2.2.0")
    void aConfiguredVersionBeatsTheCommandLineAndSaysSo(PackageUpdateMojo mojo) throws Exception {
        PackageRequest request = request(mojo);

        assertEquals("2.1.0", request.version());
        assertTrue(
                run.log.contains("WARN -Dlxca.version=2.2.0 is ignored: the pom's <configuration> sets"
                        + " <version>2.1.0</version>, which Maven puts first. To let the command line win, move it to the pom's"
                        + " <properties> as <lxca.version>."),
                String.valueOf(run.log));
    }

    @Test
    @InjectMojo(goal = "package-update")
    @MojoParameter(name = "payload", value = "${project.basedir}/agent.tgz")
    void aPackagedSetThatFailsTheImportChecksNamesItsProblemsAndWhatToDo(PackageUpdateMojo mojo) throws Exception {
        Files.writeString(basedir.resolve("agent.tgz"), "not a gzip tar");
        mojo.setLog(run.recordingLog());

        var e = assertThrows(MojoFailureException.class, () -> mojo.packaging().packInto(basedir.resolve("out")));

        assertTrue(
                e.getMessage()
                        .startsWith("The update set written to " + basedir.resolve("out")
                                + " fails the checks an import makes:\n  - "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("\nWhat to do: correct the payload or descriptor named above; it is read as"
                                + " given (a payload must be a readable gzip tar)"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "import-update")
    @MojoParameter(name = "payload", value = "/builds/agent.tgz")
    @CommandLine("lxca.version=2.2.0-SNAPSHOT")
    void aSnapshotIsRefused(ImportUpdateMojo mojo) {
        PackagingException e = assertThrows(PackagingException.class, () -> request(mojo));
        assertTrue(e.getMessage().contains("-Dlxca.allowSnapshot=true"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "import-update")
    @MojoParameter(name = "payload", value = "/builds/agent.tgz")
    @CommandLine({"lxca.version=2.2.0-SNAPSHOT", "lxca.allowSnapshot=true"})
    void aSnapshotIsAllowedWhenAsked(ImportUpdateMojo mojo) throws Exception {
        assertEquals(
                "lnvgy_sw_lxca_inventory-agent-2.2.0-SNAPSHOT_anyos_noarch",
                request(mojo).fixId());
    }
}
