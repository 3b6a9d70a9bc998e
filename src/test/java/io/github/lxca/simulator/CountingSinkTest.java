package io.github.lxca.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.ImportResult;
import io.github.lxca.importer.JobProgress;
import io.github.lxca.importer.OnExisting;
import io.github.lxca.importer.UpdateImporter;
import io.github.lxca.testing.RecordingLog;
import io.github.lxca.testing.SampleUpdateSets;
import io.github.lxca.update.CheckedPayloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's counting sink: the body is counted, not kept, and the job still ends. */
class CountingSinkTest {
    private static final Pattern SINK_EVENT =
            Pattern.compile("upload-sink (\\d+) admin bytes=(\\d+) firstByteEpochMs=\\d+ nanos=\\d+");

    @Test
    void countsTheWholeBodyCompletesTheJobAndListsTheUpdateWithoutFiles(@TempDir Path directory) throws Exception {
        String fixId = "lnvgy_sw_lxca_sink-1.0.0_anyos_noarch";
        Path sets = SampleUpdateSets.write(directory.resolve("sets"), fixId, 200_000);
        try (LxcaSimulator simulator = LxcaSimulator.builder()
                .countingSink(true)
                .timelineStep(64 * 1024)
                .workDirectory(directory)
                .repositoryDirectory(directory.resolve("repository"))
                .start()) {
            simulator.addUser("admin", "pw");
            Path trustStore = simulator.writeTrustStore(directory.resolve("truststore.p12"));
            ConnectionSettings connection = new ConnectionSettings(
                    simulator.url(),
                    new Credentials("admin", "pw", "test"),
                    new TrustSettings(trustStore, "changeit", null, false, null),
                    null,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    0);
            UpdateImporter importer = UpdateImporter.standard(new RecordingLog());

            for (int run = 0; run < 2; run++) { // the second run replaces what the first one listed
                ImportResult result = importer.importSets(
                        importer.check(sets, CheckedPayloads.NONE),
                        new ImportRequest(
                                connection,
                                sets,
                                Duration.ofMillis(10),
                                Duration.ofSeconds(30),
                                OnExisting.REPLACE,
                                false),
                        new JobProgress());
                assertEquals("Complete", result.finalState());
            }

            List<String> counted = simulator.events().stream()
                    .filter(e -> e.startsWith("upload-sink "))
                    .toList();
            assertEquals(2, counted.size(), simulator.events().toString());
            Matcher event = SINK_EVENT.matcher(counted.get(0));
            assertTrue(event.matches(), counted.get(0));
            long files = 0;
            for (String extension : List.of(".chg", ".tgz", ".txt", ".xml")) {
                files += Files.size(sets.resolve(fixId + extension));
            }
            long body = Long.parseLong(event.group(2));
            assertTrue(body > files && body < files + 2048, "body " + body + " for " + files + " bytes of files");
            assertEquals(List.of(), simulator.repository().get(fixId).files(), "listed, but no file kept");

            String timeline = simulator.events().stream()
                    .filter(e -> e.startsWith("upload-timeline " + event.group(1) + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(simulator.events().toString()));
            List<Long> millis = Arrays.stream(timeline.split(" "))
                    .skip(2)
                    .map(Long::valueOf)
                    .toList();
            assertEquals(body / (64 * 1024), millis.size(), "a time for each 64 KiB: " + timeline);
            assertEquals(millis.stream().sorted().toList(), millis, "in the order they arrived: " + timeline);
            assertTrue(Files.notExists(directory.resolve("repository").resolve(fixId)));
        }
    }
}
