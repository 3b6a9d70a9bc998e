package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.CertificateAuthority;
import io.github.lxca.simulator.LxcaSimulator;
import io.github.lxca.simulator.SelfSignedCertificate;
import io.github.lxca.testing.RecordingLog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real handshake per trust decision, with the TLS engine the plugin picks on this JVM and the simulator's default
 * TLS version: what the build shows for each certificate a user can meet, and what a probe makes of it while LXCA
 * may be restarting (a certificate problem is lasting, a server that is not TLS is not). {@code TrustMatrixTest}
 * repeats the certificate cases over every engine and TLS version; this is the quick proof the mutation run uses.
 */
class TrustDecisionsTest {
    private static final String PASSWORD = "Tru5t-Pa55";
    private static final List<LxcaSimulator> SERVERS = new ArrayList<>();

    @TempDir
    static Path directory;

    private static CertificateAuthority ca;
    private static Path caStore;

    @BeforeAll
    static void certificates() throws Exception {
        ca = CertificateAuthority.create("Decisions CA");
        caStore = ca.writeTrustStore(directory.resolve("ca.p12"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (LxcaSimulator server : SERVERS) {
            server.close();
        }
    }

    private static LxcaSimulator server(LxcaSimulator.Builder builder) throws Exception {
        LxcaSimulator server = builder.workDirectory(Files.createTempDirectory(directory, "sim"))
                .start();
        server.addUser("admin", PASSWORD);
        SERVERS.add(server);
        return server;
    }

    private static LxcaSimulator presenting(SelfSignedCertificate certificate) throws Exception {
        return server(LxcaSimulator.builder().certificate(certificate));
    }

    private static TrustSettings inCaStore() {
        return new TrustSettings(caStore, SelfSignedCertificate.STORE_PASSWORD, null, false, null);
    }

    private static LxcaClient client(LxcaSimulator server, TrustSettings trust) throws LxcaException {
        return LxcaClient.open(
                new ConnectionSettings(
                        URI.create("https://localhost:" + server.url().getPort()),
                        new Credentials("admin", PASSWORD, "the test"),
                        trust,
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(20),
                        0),
                new RecordingLog());
    }

    /** The refusal a login meets, and what a probe of the login or of a call makes of it while LXCA may be restarting. */
    private static LxcaCertificateException refused(LxcaSimulator server, TrustSettings trust, Probe.Kind probe)
            throws Exception {
        try (LxcaClient client = client(server, trust)) {
            LxcaCertificateException e = assertThrows(LxcaCertificateException.class, client::login);
            assertEquals(probe, client.probeLogin(Duration.ofSeconds(10)).kind(), e.getMessage());
            assertEquals(probe, client.probeTask("1", Duration.ofSeconds(10)).kind(), "a call's probe reads it alike");
            return e;
        }
    }

    private static String host(LxcaSimulator server) {
        return "localhost:" + server.url().getPort();
    }

    private static String cacerts() {
        return "the JVM's trust store " + Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    }

    @Test
    void aCertificateItsTrustStoresCaIssuedIsTrusted() throws Exception {
        try (LxcaClient client = client(presenting(ca.issueForLocalhost()), inCaStore())) {
            client.login();
            assertEquals(Set.of(), client.repositoryFixIds());
        }
    }

    @Test
    void anExpiredCertificateAsksForARenewal() throws Exception {
        Instant expired = Instant.parse("2024-01-01T00:00:00Z");
        LxcaSimulator server =
                presenting(ca.issue(List.of("localhost"), "127.0.0.1", expired.minus(Duration.ofDays(365)), expired));

        LxcaCertificateException e = refused(server, inCaStore(), Probe.Kind.REFUSED);

        assertTrue(
                e.getMessage()
                        .startsWith("The TLS certificate of LXCA at " + host(server) + " is not trusted (SHA-256"
                                + " fingerprint " + server.fingerprint() + "): it expired on 2024-01-01 00:00:00 UTC"
                                + " (this machine's clock says "),
                e.getMessage());
        assertEquals(server.fingerprint(), e.fingerprint().orElseThrow());
        assertEquals(WhatToDo.RENEW_THE_CERTIFICATE, e.whatToDo());
    }

    @Test
    void aCertificateNotValidYetAsksToCheckTheClocks() throws Exception {
        Instant from = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        LxcaSimulator server =
                presenting(ca.issue(List.of("localhost"), "127.0.0.1", from, from.plus(Duration.ofDays(365))));

        LxcaCertificateException e = refused(server, inCaStore(), Probe.Kind.REFUSED);

        assertTrue(
                e.getMessage().contains("): it is not valid before " + ServerTrust.date(from) + " (this machine's"),
                e.getMessage());
        assertEquals(WhatToDo.CHECK_THE_CLOCKS, e.whatToDo());
    }

    @Test
    void anUnknownIssuerNamesEveryStoreAndOffersTheFingerprint() throws Exception {
        LxcaSimulator server =
                presenting(CertificateAuthority.create("Stranger CA").issueForLocalhost());

        LxcaCertificateException e = refused(server, inCaStore(), Probe.Kind.REFUSED);

        assertEquals(
                "The TLS certificate of LXCA at " + host(server) + " is not trusted (SHA-256 fingerprint "
                        + server.fingerprint() + "): it was issued by CN=Stranger CA,O=LXCA simulator, and neither "
                        + cacerts() + " nor lxca.trustStore " + caStore.toAbsolutePath()
                        + " holds that issuer's certificate",
                e.getMessage());
        assertTrue(
                e.whatToDo()
                        .startsWith("if this is your LXCA (compare the fingerprint with the certificate its web"
                                + " console shows), trust it with -Dlxca.certificateFingerprint=" + server.fingerprint()
                                + ","),
                e.whatToDo());
    }

    @Test
    void theJvmsTrustStoreIsNamedByItsPropertyWhenSetAndTrustedThroughIt() throws Exception {
        LxcaSimulator stranger =
                presenting(CertificateAuthority.create("Stranger CA").issueForLocalhost());
        LxcaSimulator ours = presenting(ca.issueForLocalhost());
        TrustSettings jvmOnly = new TrustSettings(null, null, null, false, null);
        LxcaClient viaProperty;
        LxcaClient refusedViaProperty;
        synchronized (TrustMatrixTest.class) { // the JVM-wide properties TrustMatrixTest sets too
            System.setProperty("javax.net.ssl.trustStore", caStore.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", SelfSignedCertificate.STORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            try {
                viaProperty = client(ours, jvmOnly);
                refusedViaProperty = client(stranger, jvmOnly);
            } finally {
                System.clearProperty("javax.net.ssl.trustStore");
                System.clearProperty("javax.net.ssl.trustStorePassword");
                System.clearProperty("javax.net.ssl.trustStoreType");
            }
        }
        try (LxcaClient client = viaProperty) {
            client.login();
        }
        try (LxcaClient client = refusedViaProperty) {
            LxcaCertificateException e = assertThrows(LxcaCertificateException.class, client::login);
            assertTrue(
                    e.getMessage()
                            .endsWith(": it was issued by CN=Stranger CA,O=LXCA simulator, and the JVM's trust store "
                                    + caStore + " (javax.net.ssl.trustStore) does not hold that issuer's certificate"),
                    e.getMessage());
        }
        try (LxcaClient client = client(ours, jvmOnly)) {
            LxcaCertificateException e = assertThrows(LxcaCertificateException.class, client::login);
            assertTrue(
                    e.getMessage().endsWith(", and " + cacerts() + " does not hold that issuer's certificate"),
                    e.getMessage());
        }
    }

    @Test
    void aSelfSignedCertificateNothingTrustsIsNamedSelfSigned() throws Exception {
        LxcaSimulator server = presenting(SelfSignedCertificate.forLocalhost());

        LxcaCertificateException e = refused(server, inCaStore(), Probe.Kind.REFUSED);

        assertTrue(
                e.getMessage()
                        .endsWith("): it is self-signed (O=LXCA simulator,CN=localhost), and neither " + cacerts()
                                + " nor lxca.trustStore " + caStore.toAbsolutePath() + " holds it"),
                e.getMessage());
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedForItsName() throws Exception {
        Instant now = Instant.now();
        LxcaSimulator server = presenting(ca.issue(
                List.of("lxca.example.com"), null, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9))));

        LxcaCertificateException e = refused(server, inCaStore(), Probe.Kind.REFUSED);

        assertTrue(
                e.getMessage().startsWith("The TLS certificate of " + host(server) + " does not name that host: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("lxca.example.com"), e.getMessage());
        assertEquals(WhatToDo.NAME_THE_CERTIFICATES_HOST, e.whatToDo());
    }

    @Test
    void aPinnedCertificateIsTrustedWhateverHostItNamesAndAnotherOneIsNot() throws Exception {
        SelfSignedCertificate pinned = SelfSignedCertificate.forHost("lxca.example.com", null);
        LxcaSimulator server = presenting(pinned);
        try (LxcaClient client = client(server, new TrustSettings(null, null, pinned.fingerprint(), false, null))) {
            client.login();
        }

        LxcaSimulator other = presenting(ca.issueForLocalhost());
        LxcaCertificateException e =
                refused(other, new TrustSettings(null, null, pinned.fingerprint(), false, null), Probe.Kind.REFUSED);
        assertTrue(
                e.getMessage()
                        .startsWith("The TLS certificate of LXCA at " + host(other) + " has changed:"
                                + " lxca.certificateFingerprint pins " + pinned.fingerprint() + ", but it presented "
                                + other.fingerprint()),
                e.getMessage());
        assertTrue(
                e.whatToDo().startsWith("do not pin the new fingerprint before you have verified it: "), e.whatToDo());
        assertTrue(e.whatToDo().contains(" compare its SHA-256 fingerprint with " + other.fingerprint()), e.whatToDo());
    }

    @Test
    void insecureTrustsAnyCertificate() throws Exception {
        LxcaSimulator server = presenting(SelfSignedCertificate.forHost("lxca.example.com", null));

        try (LxcaClient client = client(server, new TrustSettings(caStore, "wrong", null, true, null))) {
            client.login();
            assertTrue(client.probeLogin(Duration.ofSeconds(10)).answered());
        }
    }

    @Test
    void aServerThatSpeaksOnlyTls10IsNamedSo() throws Exception {
        LxcaSimulator server = server(LxcaSimulator.builder()
                .certificate(ca.issueForLocalhost())
                .tlsProvider(Conscrypt.newProvider()) // the JDK refuses to speak TLS 1.0 at all
                .tlsProtocols("TLSv1"));

        LxcaCertificateException e = refused(server, inCaStore(), Probe.Kind.REFUSED);

        assertEquals(
                "LXCA at " + host(server) + " offers no TLS version the plugin accepts: the plugin speaks TLS 1.2 and"
                        + " 1.3 only, and the server offered an older one (TLS 1.0 or 1.1, or SSL); nothing was sent",
                e.getMessage());
        assertEquals(WhatToDo.ENABLE_TLS_1_2, e.whatToDo());
    }

    @Test
    void aServerThatIsNotTlsIsAHandshakeFailureAndAProbeSeesItAway() throws Exception {
        LxcaSimulator server = server(LxcaSimulator.builder().plainHttp(true)); // asked over https by the client

        LxcaCertificateException e = refused(server, inCaStore(), Probe.Kind.AWAY);

        assertTrue(e.getMessage().startsWith("The TLS handshake with " + host(server) + " failed: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        assertEquals(WhatToDo.POINT_AT_THE_HTTPS_PORT, e.whatToDo());
    }
}
