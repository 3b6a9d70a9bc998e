package io.github.lxca.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.apply.ApplyOutcome;
import io.github.lxca.apply.ApplyRequest;
import io.github.lxca.apply.ApplyTiming;
import io.github.lxca.apply.LxcaApplyException;
import io.github.lxca.apply.UpdateApplier;
import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.Sleeper;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.simulator.Exchange;
import io.github.lxca.simulator.Fault;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.simulator.SelfSignedCertificate;
import io.github.lxca.testing.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract with Lenovo's own client for the apply: the reads, the apply and the job read a pylxca 4.2.0 caller
 * makes ({@code contract/pylxca-apply.json}, from pylxca's source) are replayed against the simulator, which must
 * accept the apply; the plugin's own requests for an apply are compared with them field by field, and must differ in
 * exactly the fields of {@code contract/pylxca-apply-differences.json}, each of which the README lists with its
 * reason.
 */
class LenovoClientApplyContractTest {
    private static final String PASSWORD = "Contract-Pa55";
    private static final String FIX = "lnvgy_sw_lxca_contract-2.0.0_anyos_noarch";
    private static final RecordedSequence PYLXCA = RecordedSequence.load("pylxca-apply.json");

    @TempDir
    Path directory;

    @Test
    void pylxcasApplyIsAcceptedAndStartsTheApplyJob() throws Exception {
        // the appliance stays in its apply job for the whole test: no restart takes the port away
        try (LxcaSimulator simulator = LxcaSimulator.builder()
                .workDirectory(directory)
                .applyTimings(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(1))
                .start()) {
            simulator.addUser("pylxca", PASSWORD);
            simulator.preload(FIX);
            Bindings bindings = Bindings.of(simulator.url().toString(), "pylxca", PASSWORD, List.of())
                    .with("fixid", FIX);

            String state =
                    new SequenceReplay(simulator.url(), tls(simulator)).replay(PYLXCA, bindings, List.of(), null, null);

            assertEquals("Running", state, "the apply job runs until the appliance restarts");
            assertTrue(
                    simulator.events().stream().anyMatch(e -> e.matches("apply " + FIX + " job \\d+ pylxca")),
                    simulator.events().toString());
        }
    }

    @Test
    void thePluginSendsWhatPylxcaSendsButForTheListedDifferences() throws Exception {
        // a job that fails ends the apply without a restart, so that the sequence is the one to compare
        try (LxcaSimulator simulator = LxcaSimulator.builder()
                .workDirectory(directory)
                .applyTimings(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1))
                .start()) {
            String user = Fault.APPLY_JOB_FAILS.userName();
            simulator.addUser(user, PASSWORD, Fault.APPLY_JOB_FAILS);
            simulator.preload(FIX);
            ConnectionSettings connection = new ConnectionSettings(
                    simulator.url(),
                    new Credentials(user, PASSWORD, "the test"),
                    new TrustSettings(
                            simulator.writeTrustStore(directory.resolve("truststore.p12")),
                            SelfSignedCertificate.STORE_PASSWORD,
                            null,
                            false,
                            null),
                    null,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    0);
            ApplyTiming timing = new ApplyTiming(
                    Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(200));
            RecordingLog log = new RecordingLog();
            LxcaApplyException failed = assertThrows(LxcaApplyException.class, () -> {
                try (LxcaClient client = LxcaClient.open(connection, log)) {
                    client.login();
                    new UpdateApplier(Clock.systemUTC(), Sleeper.REAL, log)
                            .apply(client, "sim", new ApplyRequest(FIX, "2.0.0", timing, false));
                }
            });
            assertEquals(ApplyOutcome.JOB_FAILED, failed.outcome());
            List<Exchange> sent = simulator.exchanges().stream()
                    .filter(e -> user.equals(e.user()))
                    .toList();
            Bindings bindings = Bindings.of(simulator.url().toString(), user, PASSWORD, List.of())
                    .with("fixid", FIX);

            assertEquals(listed().lines(), ListedDifferences.lines(SequenceComparison.compare(PYLXCA, bindings, sent)));
        }
    }

    @Test
    void theReadmeListsEveryDifferenceOfTheApplyWithItsReason() throws IOException {
        listed().assertEachIsARowOfTheReadme();
    }

    private SSLContext tls(LxcaSimulator simulator) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(simulator.writeTrustStore(directory.resolve("trust.p12")))) {
            store.load(in, SelfSignedCertificate.STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static ListedDifferences listed() throws IOException {
        return ListedDifferences.load("pylxca-apply-differences.json");
    }
}
