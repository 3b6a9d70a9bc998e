package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.CertificateAuthority;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.simulator.SelfSignedCertificate;
import io.github.lxca.testing.RecordingLog;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One trust behaviour whatever the TLS engine and version: real handshakes of the client with the simulator,
 * for every way a user trusts LXCA's certificate and every way it can be wrong, over TLS 1.2 and TLS 1.3, with
 * each TLS engine the plugin may pick on this JVM ({@link TlsEngine}: Conscrypt where it uses it, and the JDK's
 * always). A success logs in; a refusal is the message the build shows. Certificates are made here: a private
 * CA, servers it issued, a self-signed one, and one of an unrelated CA.
 */
class TrustMatrixTest {
    private static final String PASSWORD = "Matrix-Pa55";
    private static final Instant EXPIRED_ON = Instant.parse("2024-01-01T00:00:00Z");
    private static Instant validFrom;
    private static final Map<String, LxcaSimulator> SERVERS = new ConcurrentHashMap<>();

    @TempDir
    static Path directory;

    private static CertificateAuthority ca;
    private static CertificateAuthority unrelated;
    private static SelfSignedCertificate selfSigned;
    private static Path caStore;
    private static Path selfSignedStore;

    enum Engine {
        CONSCRYPT,
        JDK;

        SSLContext newContext(LxcaLog log) throws java.security.GeneralSecurityException {
            return this == CONSCRYPT
                    ? SSLContext.getInstance("TLS", Conscrypt.newProvider())
                    : SSLContext.getInstance("TLS");
        }
    }

    /** How the user trusts LXCA, and what LXCA presents. */
    enum Case {
        SELF_SIGNED_PINNED,
        SELF_SIGNED_IN_TRUST_STORE,
        CA_IN_TRUST_STORE,
        CA_IN_JVM_DEFAULT_TRUST_STORE,
        EXPIRED,
        NOT_YET_VALID,
        WRONG_HOST,
        UNRELATED_CA
    }

    @BeforeAll
    static void certificates() throws Exception {
        validFrom = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        ca = CertificateAuthority.create("LXCA test CA");
        unrelated = CertificateAuthority.create("Unrelated CA");
        selfSigned = SelfSignedCertificate.forLocalhost();
        caStore = ca.writeTrustStore(directory.resolve("ca.p12"));
        selfSignedStore = selfSigned.writeTrustStore(directory.resolve("self-signed.p12"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (LxcaSimulator server : SERVERS.values()) {
            server.close();
        }
        SERVERS.clear();
    }

    /** Conscrypt where the plugin picks it on this JVM (x86-64, Java before 24), and the JDK's TLS everywhere. */
    static List<Engine> enginesThePluginMayPick() throws Exception {
        List<Engine> engines = new ArrayList<>();
        if (TlsEngine.newContext(new RecordingLog()).getProvider().getName().equals("Conscrypt")) {
            engines.add(Engine.CONSCRYPT);
        }
        engines.add(Engine.JDK);
        return engines;
    }

    static Stream<Arguments> matrix() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (Engine engine : enginesThePluginMayPick()) {
            for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
                for (Case trustCase : Case.values()) {
                    all.add(Arguments.of(trustCase, protocol, engine));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} over {1} with {2}")
    @MethodSource("matrix")
    void eachCaseIsTrustedOrRefusedWithItsCause(Case trustCase, String protocol, Engine engine) throws Exception {
        LxcaSimulator server = server(trustCase, protocol);
        String host = "localhost:" + server.url().getPort();
        switch (trustCase) {
            case SELF_SIGNED_PINNED ->
                logIn(server, new TrustSettings(null, null, selfSigned.fingerprint(), false, null), engine);
            case SELF_SIGNED_IN_TRUST_STORE -> logIn(server, inStore(selfSignedStore), engine);
            case CA_IN_TRUST_STORE -> logIn(server, inStore(caStore), engine);
            case CA_IN_JVM_DEFAULT_TRUST_STORE -> logInTrustingTheJvmDefault(server, engine);
            case EXPIRED -> {
                LxcaCertificateException e = refused(server, inStore(caStore), engine);
                assertEquals(
                        "The TLS certificate of LXCA at " + host + " is not trusted (SHA-256 fingerprint "
                                + server.fingerprint() + "): it expired on 2024-01-01 00:00:00 UTC (this machine's"
                                + " clock says ",
                        e.getMessage().substring(0, e.getMessage().indexOf("says ") + 5));
                assertTrue(e.describe().contains("What to do: renew LXCA's server certificate"), e.describe());
            }
            case NOT_YET_VALID -> {
                LxcaCertificateException e = refused(server, inStore(caStore), engine);
                assertTrue(
                        e.getMessage()
                                .contains("): it is not valid before " + ServerTrust.date(validFrom)
                                        + " (this machine's clock says "),
                        e.getMessage());
                assertTrue(
                        e.describe().contains("What to do: check the clocks of this machine and of LXCA"),
                        e.describe());
            }
            case WRONG_HOST -> {
                LxcaCertificateException e = refused(server, inStore(caStore), engine);
                assertTrue(
                        e.getMessage().startsWith("The TLS certificate of " + host + " does not name that host: "),
                        e.getMessage());
                assertTrue(e.getMessage().contains("lxca.example.com"), e.getMessage());
                assertTrue(e.describe().contains("What to do: use the host name or address the certificate names"));
            }
            case UNRELATED_CA -> {
                LxcaCertificateException e = refused(server, inStore(caStore), engine);
                assertEquals(
                        "The TLS certificate of LXCA at " + host + " is not trusted (SHA-256 fingerprint "
                                + server.fingerprint() + "): it was issued by CN=Unrelated CA,O=LXCA simulator, and"
                                + " neither " + jvmTrustStore() + " nor lxca.trustStore " + caStore.toAbsolutePath()
                                + " holds that issuer's certificate",
                        e.getMessage());
                assertTrue(
                        e.describe().contains("-Dlxca.certificateFingerprint=" + server.fingerprint()), e.describe());
            }
        }
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("enginesThePluginMayPick")
    void aSelfSignedCertificateNothingTrustsIsNamedSelfSigned(Engine engine) throws Exception {
        LxcaSimulator server = server(Case.SELF_SIGNED_IN_TRUST_STORE, "TLSv1.3");

        LxcaCertificateException e = refused(server, inStore(caStore), engine);

        assertTrue(
                e.getMessage()
                        .endsWith(": it is self-signed (O=LXCA simulator,CN=localhost), and neither " + jvmTrustStore()
                                + " nor lxca.trustStore " + caStore.toAbsolutePath() + " holds it"),
                e.getMessage());
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("enginesThePluginMayPick")
    void aServerThatSpeaksOnlyTls10IsNamedSo(Engine engine) throws Exception {
        LxcaSimulator server = SERVERS.computeIfAbsent(
                "tls1.0",
                key -> start(LxcaSimulator.builder()
                        .certificate(ca.issueForLocalhost())
                        .tlsProvider(Conscrypt.newProvider()) // the JDK refuses to speak TLS 1.0 at all
                        .tlsProtocols("TLSv1")));

        LxcaCertificateException e = refused(server, inStore(caStore), engine);

        assertEquals(
                "LXCA at localhost:" + server.url().getPort() + " offers no TLS version the plugin accepts: the"
                        + " plugin speaks TLS 1.2 and 1.3 only, and the server offered an older one (TLS 1.0 or"
                        + " 1.1, or SSL); nothing was sent",
                e.getMessage());
        assertTrue(e.describe().contains("What to do: enable TLS 1.2 or 1.3 on LXCA"), e.describe());
    }

    /**
     * A trust store is read once for every client that trusts it (a rollout makes two clients per LXCA), and read
     * again when the file changes; the certificate a server presented when refused stays with the client that
     * was refused, though both share the trust store's trust manager.
     */
    @ParameterizedTest(name = "with {0}")
    @MethodSource("enginesThePluginMayPick")
    void aTrustStoreIsReadOnceAndEachClientKeepsItsOwnRefusal(Engine engine) throws Exception {
        Path store = Files.copy(caStore, directory.resolve("shared-" + engine + ".p12"));
        TrustSettings trust = inStore(store);
        TlsSetup.TrustManagers managers = new TlsSetup.TrustManagers();

        assertSame(managers.of(trust), managers.of(trust));
        assertEquals(1, managers.loads(), "the same trust store, unchanged, is read once");

        TlsSetup refusedOne = TlsSetup.of(trust, new RecordingLog(), engine::newContext);
        TlsSetup other = TlsSetup.of(trust, new RecordingLog(), engine::newContext);
        LxcaSimulator selfSignedServer = server(Case.SELF_SIGNED_IN_TRUST_STORE, "TLSv1.3");
        try (LxcaClient client = client(selfSignedServer.url(), trust, refusedOne)) {
            assertThrows(LxcaCertificateException.class, client::login);
        }
        assertEquals(
                Optional.of(selfSigned.fingerprint()),
                refusedOne.rejection("localhost", null).fingerprint(),
                "the refused client names the certificate it was shown");
        assertNull(other.rejection("localhost", null), "the other client was shown nothing");
        try (LxcaClient client =
                client(server(Case.CA_IN_TRUST_STORE, "TLSv1.3").url(), trust, other)) {
            client.login();
        }

        Files.copy(selfSignedStore, store, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(store, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));
        managers.of(trust);
        assertEquals(2, managers.loads(), "a trust store replaced on disk is read again");
        try (LxcaClient client =
                client(selfSignedServer.url(), trust, TlsSetup.of(trust, new RecordingLog(), engine::newContext))) {
            client.login();
        }
    }

    @Test
    void theEnginesOfThisJvmAreTheOnesThePluginPicks() throws Exception {
        boolean withoutWarning = TlsEngine.conscryptWithoutWarning(
                Runtime.version().feature(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (System.getProperty("os.arch").matches("amd64|x86_64")) { // where Conscrypt's jar has native code
            assertEquals(
                    withoutWarning ? List.of(Engine.CONSCRYPT, Engine.JDK) : List.of(Engine.JDK),
                    enginesThePluginMayPick());
        }
    }

    private static String jvmTrustStore() {
        return "the JVM's trust store " + Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    }

    private static TrustSettings inStore(Path store) {
        return new TrustSettings(store, SelfSignedCertificate.STORE_PASSWORD, null, false, null);
    }

    private static void logIn(LxcaSimulator server, TrustSettings trust, Engine engine) throws Exception {
        try (LxcaClient client =
                client(server.url(), trust, TlsSetup.of(trust, new RecordingLog(), engine::newContext))) {
            client.login();
            assertEquals(java.util.Set.of(), client.repositoryFixIds());
        }
    }

    /** The JVM's default trust store, as the JDK finds it: here the file named by javax.net.ssl.trustStore. */
    private static void logInTrustingTheJvmDefault(LxcaSimulator server, Engine engine) throws Exception {
        TrustSettings jvmDefault = new TrustSettings(null, null, null, false, null);
        TlsSetup tls;
        synchronized (TrustMatrixTest.class) {
            System.setProperty("javax.net.ssl.trustStore", caStore.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", SelfSignedCertificate.STORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            try {
                tls = TlsSetup.of(jvmDefault, new RecordingLog(), engine::newContext);
            } finally {
                System.clearProperty("javax.net.ssl.trustStore");
                System.clearProperty("javax.net.ssl.trustStorePassword");
                System.clearProperty("javax.net.ssl.trustStoreType");
            }
        }
        try (LxcaClient client = client(server.url(), jvmDefault, tls)) {
            client.login();
        }
        // and without it, the same certificate is not trusted: the JVM's own CA certificates do not hold the test CA
        LxcaCertificateException e = refused(server, new TrustSettings(null, null, null, false, null), engine);
        assertTrue(
                e.getMessage()
                        .contains("it was issued by CN=LXCA test CA,O=LXCA simulator, and the JVM's trust" + " store "),
                e.getMessage());
    }

    private static LxcaCertificateException refused(LxcaSimulator server, TrustSettings trust, Engine engine)
            throws Exception {
        TlsSetup tls = TlsSetup.of(trust, new RecordingLog(), engine::newContext);
        try (LxcaClient client = client(server.url(), trust, tls)) {
            LxcaCertificateException e = assertThrows(LxcaCertificateException.class, client::login);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            return e;
        }
    }

    private static LxcaClient client(URI url, TrustSettings trust, TlsSetup tls) {
        ConnectionSettings settings = new ConnectionSettings(
                url,
                new Credentials("admin", PASSWORD, "the test"),
                trust,
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(20),
                0);
        return LxcaClient.open(settings, tls, new RecordingLog(), RetryPolicy.standard(0));
    }

    private static LxcaSimulator server(Case trustCase, String protocol) {
        return SERVERS.computeIfAbsent(trustCase + " " + protocol, key -> {
            Instant now = Instant.now();
            SelfSignedCertificate certificate = switch (trustCase) {
                case SELF_SIGNED_PINNED, SELF_SIGNED_IN_TRUST_STORE -> selfSigned;
                case CA_IN_TRUST_STORE, CA_IN_JVM_DEFAULT_TRUST_STORE -> ca.issueForLocalhost();
                case EXPIRED ->
                    ca.issue(List.of("localhost"), "127.0.0.1", EXPIRED_ON.minus(Duration.ofDays(365)), EXPIRED_ON);
                case NOT_YET_VALID ->
                    ca.issue(List.of("localhost"), "127.0.0.1", validFrom, validFrom.plus(Duration.ofDays(365)));
                case WRONG_HOST ->
                    ca.issue(
                            List.of("lxca.example.com"),
                            null,
                            now.minus(Duration.ofDays(1)),
                            now.plus(Duration.ofDays(9)));
                case UNRELATED_CA -> unrelated.issueForLocalhost();
            };
            return start(LxcaSimulator.builder().certificate(certificate).tlsProtocols(protocol));
        });
    }

    private static LxcaSimulator start(LxcaSimulator.Builder builder) {
        try {
            LxcaSimulator simulator = builder.workDirectory(Files.createTempDirectory(directory, "sim"))
                    .start();
            simulator.addUser("admin", PASSWORD);
            return simulator;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
