package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.RecordingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ctrl-C path's single cancel says whether LXCA accepted it, and the task list is what LXCA lists, against the
 * simulator over HTTPS.
 */
class CancelOnceAndTaskListTest {
    private static final String FIX_ID = "lnvgy_sw_lxca_listed-1.0.0_anyos_noarch";
    private static LxcaSimulator simulator;
    private static Path trustStore;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        simulator = LxcaSimulator.builder().workDirectory(directory).start();
        simulator.addUser("admin", "pw");
        simulator.addUser(Fault.CANCEL_FAILS.userName(), "pw", Fault.CANCEL_FAILS);
        trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    private static LxcaClient client(String user) throws Exception {
        return LxcaClient.open(
                new ConnectionSettings(
                        simulator.url(),
                        new Credentials(user, "pw", "test"),
                        new TrustSettings(trustStore, "changeit", null, false, null),
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        0),
                new RecordingLog());
    }

    @Test
    void aCancelLxcaAcceptsIsTrueAndARefusedOneFalse() throws Exception {
        try (LxcaClient client = client("admin")) {
            client.login();
            assertTrue(client.cancelJobOnce("42"));
        }
        try (LxcaClient client = client(Fault.CANCEL_FAILS.userName())) {
            client.login();
            assertFalse(client.cancelJobOnce("42"));
        }
        assertTrue(simulator.events().contains("cancel-failed " + Fault.CANCEL_FAILS.userName()));
    }

    @Test
    void theTaskListHoldsEveryImportJob() throws Exception {
        String jobId = simulator.startImportByAnother(FIX_ID, 100);
        try (LxcaClient client = client("admin")) {
            client.login();

            Optional<List<Task>> tasks = client.allTasks();

            assertTrue(tasks.isPresent());
            Task task = tasks.get().stream()
                    .filter(t -> jobId.equals(t.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("job " + jobId + " not in " + tasks.get()));
            assertEquals(TaskState.RUNNING, task.state(), task.toString());
            assertTrue(task.mentions(FIX_ID), task.toString());
            assertFalse(task.mentions("lnvgy_sw_lxca_other-2.0.0_anyos_noarch"), task.toString());
        } finally {
            simulator.cancelAsItsCreator(jobId);
        }
    }
}
