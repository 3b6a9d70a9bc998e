package io.github.lxca.simulator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check after the ITs: a simulator that still has an import job Pending or Running fails the run. */
class OpenJobsCheckTest {
    @TempDir
    Path directory;

    @Test
    void aJobLeftRunningInAnySimulatorFailsTheCheckNamingIt() throws Exception {
        Files.writeString(directory.resolve(SimulatorMain.OPEN_JOBS), "");
        Files.createDirectories(directory.resolve("second"));
        Files.writeString(directory.resolve("second").resolve(SimulatorMain.OPEN_JOBS), "7 Running task-never-ends\n");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SimulatorMain.checkNoOpenJobs(directory));

        assertEquals(
                "The integration tests left 1 import job(s) Pending or Running in the LXCA simulator; each build must"
                        + " end or cancel the jobs it creates:\n  job 7 Running task-never-ends (simulator in "
                        + directory.resolve("second") + ")",
                e.getMessage());
    }

    @Test
    void aJobLeftInAFleetApplianceOrACaSignedSimulatorFailsTheCheckToo() throws Exception {
        Path appliance = Files.createDirectories(directory.resolve("fleet").resolve("appliance-6"));
        Files.writeString(appliance.resolve(SimulatorMain.OPEN_JOBS), "9 Pending lxca\n");
        Path ca = Files.createDirectories(directory.resolve("ca-tls13"));
        Files.writeString(ca.resolve(SimulatorMain.OPEN_JOBS), "4 Running lxca\n");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SimulatorMain.checkNoOpenJobs(directory));

        assertEquals(
                "The integration tests left 2 import job(s) Pending or Running in the LXCA simulator; each build must"
                        + " end or cancel the jobs it creates:\n  job 4 Running lxca (simulator in " + ca + ")\n  job 9"
                        + " Pending lxca (simulator in " + appliance + ")",
                e.getMessage());
    }

    @Test
    void noJobLeftPasses() throws Exception {
        Files.writeString(directory.resolve(SimulatorMain.OPEN_JOBS), "\n");
        assertDoesNotThrow(() -> SimulatorMain.checkNoOpenJobs(directory));
    }

    @Test
    void theSimulatorListsItsOpenImportJobsUntilTheyEnd() throws Exception {
        try (LxcaSimulator simulator =
                LxcaSimulator.builder().workDirectory(directory).start()) {
            String job = simulator.startImportByAnother("lnvgy_sw_lxca_open-1.0.0_anyos_noarch", 5);
            assertEquals(List.of(job + " Running " + Fault.OTHER_PIPELINE), simulator.openImportJobs());
            simulator.cancelAsItsCreator(job);
            assertTrue(simulator.openImportJobs().isEmpty());
        }
    }
}
