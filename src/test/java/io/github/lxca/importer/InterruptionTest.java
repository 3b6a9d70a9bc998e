package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.testing.SampleUpdateSets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the JVM during an import (Ctrl-C, a cancelled CI job) logs out and names the job's state. */
class InterruptionTest {
    @TempDir
    Path work;

    @Test
    @Timeout(60)
    void stoppingDuringPollingLogsOutAndSaysWhereTheJobWasLeft() throws Exception {
        try (LxcaSimulator simulator =
                LxcaSimulator.builder().workDirectory(work).start()) {
            simulator.addUser("operator", "pw", Fault.TASK_NEVER_ENDS);
            Path trustStore = simulator.writeTrustStore(work.resolve("trust.p12"));
            SampleUpdateSets.write(work.resolve("sets"), "lnvgy_sw_lxca_stop-1.0.0_anyos_noarch");
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ImportUntilStopped.class.getName(),
                            simulator.url().toString(),
                            trustStore.toString(),
                            "operator",
                            "pw",
                            work.resolve("sets").toString())
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new ArrayList<>();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.matches("INFO Job \\d+: Running 50%")) {
                        process.toHandle()
                                .destroy(); // SIGTERM: shutdown hooks run, as on Ctrl-C; output stays readable
                    }
                }
            }
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            String text = String.join("\n", output);
            assertTrue(
                    text.matches("(?s).*WARN Stopped while importing into LXCA; logging out\\. Import job \\d+ was left"
                            + " uploaded; LXCA goes on importing it; see Monitoring > Jobs in LXCA\\..*"),
                    text);
            String job = text.replaceAll("(?s).*Import job (\\d+) was left uploaded.*", "$1");
            assertTrue(
                    text.contains(
                            "WARN Cancelled import job " + job + ", which this build created and did not complete"),
                    text);
            assertEquals("Cancelled", simulator.taskState(job).orElseThrow(), "the hook cancelled the job");
            assertTrue(
                    simulator.events().contains("logout operator"),
                    simulator.events().toString());
            assertTrue(simulator.openSessions() == 0, "no session left open");
        }
    }
}
