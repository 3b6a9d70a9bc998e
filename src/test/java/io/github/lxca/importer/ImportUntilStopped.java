package io.github.lxca.importer;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.update.CheckedPayloads;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An import in a JVM of its own, for {@link InterruptionTest} to stop as Ctrl-C would.
 * Arguments: url, trust store, user, password, folder of sets.
 */
public final class ImportUntilStopped {
    public static void main(String[] args) throws Exception {
        LxcaLog log = new LxcaLog() {
            @Override
            public void info(String message) {
                System.out.println("INFO " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }

            @Override
            public void debug(String message) {}
        };
        ConnectionSettings connection = new ConnectionSettings(
                URI.create(args[0]),
                new Credentials(args[2], args[3], "the test"),
                new TrustSettings(Path.of(args[1]), "changeit", null, false, null),
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                0);
        Path folder = Path.of(args[4]);
        UpdateImporter importer = UpdateImporter.standard(log);
        importer.importSets(
                importer.check(folder, CheckedPayloads.NONE),
                new ImportRequest(
                        connection, folder, Duration.ofMillis(200), Duration.ofHours(1), OnExisting.FAIL, false),
                new JobProgress());
    }
}
