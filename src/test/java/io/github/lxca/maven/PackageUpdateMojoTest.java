package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.packaging.PackageRequest;
import io.github.lxca.packaging.PackagingException;
import io.github.lxca.packaging.PayloadSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the packaging parameters, shared by package-update and import-update, turn into. */
class PackageUpdateMojoTest {
    @TempDir
    Path basedir;

    private PackageRequest request(MojoSetup setup, String goal) throws Exception {
        AbstractUpdateMojo mojo = goal.equals("package-update")
                ? setup.inject(new PackageUpdateMojo(null), goal)
                : setup.inject(new ImportUpdateMojo(null), goal);
        mojo.origins();
        return mojo.packageRequest(basedir.resolve("out"));
    }

    @Test
    void defaultsComeFromTheProject() throws Exception {
        MojoSetup setup = new MojoSetup(basedir).configure("payloadDirectory", basedir.resolve("payload").toString());
        PackageRequest request = request(setup, "package-update");

        assertEquals("lnvgy_sw_lxca_inventory-agent-2.1.0_anyos_noarch", request.fixId());
        assertEquals("inventory-agent", request.component());
        assertEquals("2.1.0", request.version());
        assertEquals("Inventory agent", request.name());
        assertEquals(new PayloadSource.Folder(basedir.resolve("payload")), request.payload());
    }

    @Test
    void bothGoalsMapThePackagingParametersAlike() throws Exception {
        for (String goal : List.of("package-update", "import-update")) {
            MojoSetup setup = new MojoSetup(basedir).commandLine("lxca.payload", "/builds/agent.tgz")
                    .commandLine("lxca.version", "2.1.1").pomProperty("lxca.component", "agent");
            PackageRequest request = request(setup, goal);

            assertEquals("lnvgy_sw_lxca_agent-2.1.1_anyos_noarch", request.fixId(), goal);
            assertEquals(new PayloadSource.Archive(Path.of("/builds/agent.tgz")), request.payload(), goal);
        }
    }

    @Test
    void aConfiguredVersionBeatsTheCommandLineAndSaysSo() throws Exception {
        MojoSetup setup = new MojoSetup(basedir).configure("payload", "/builds/agent.tgz").configure("version", "2.1.0")
                .commandLine("lxca.version", "2.2.0");
        PackageRequest request = request(setup, "package-update");

        assertEquals("2.1.0", request.version());
        assertTrue(setup.log.contains("WARN -Dlxca.version=2.2.0 is ignored: the pom's <configuration> sets"
                + " <version>2.1.0</version>, which Maven puts first. To let the command line win, move it to the pom's"
                + " <properties> as <lxca.version>."), String.valueOf(setup.log));
    }

    @Test
    void aPackagedSetThatFailsTheImportChecksNamesItsProblemsAndWhatToDo() throws Exception {
        Path notGzip = java.nio.file.Files.writeString(basedir.resolve("agent.tgz"), "not a gzip tar");
        MojoSetup setup = new MojoSetup(basedir).configure("payload", notGzip.toString());
        AbstractUpdateMojo mojo = setup.inject(new PackageUpdateMojo(null), "package-update");

        var e = assertThrows(org.apache.maven.plugin.MojoFailureException.class,
                () -> mojo.packageInto(basedir.resolve("out")));

        assertTrue(e.getMessage().startsWith("The update set written to " + basedir.resolve("out")
                + " fails the checks an import makes:\n  - "), e.getMessage());
        assertTrue(e.getMessage().endsWith("\nWhat to do: correct the payload or descriptor named above; it is read as"
                + " given (a payload must be a readable gzip tar)"), e.getMessage());
    }

    @Test
    void aSnapshotIsRefusedUnlessAllowed() throws Exception {
        MojoSetup refused = new MojoSetup(basedir).configure("payload", "/builds/agent.tgz").commandLine("lxca.version", "2.2.0-SNAPSHOT");
        PackagingException e = assertThrows(PackagingException.class, () -> request(refused, "import-update"));
        assertTrue(e.getMessage().contains("-Dlxca.allowSnapshot=true"), e.getMessage());

        MojoSetup allowed = new MojoSetup(basedir).configure("payload", "/builds/agent.tgz")
                .commandLine("lxca.version", "2.2.0-SNAPSHOT").commandLine("lxca.allowSnapshot", "true");
        assertEquals("lnvgy_sw_lxca_inventory-agent-2.2.0-SNAPSHOT_anyos_noarch", request(allowed, "import-update").fixId());
    }
}
