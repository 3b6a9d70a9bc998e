package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lxca.simulator.CertificateAuthority;
import io.github.lxca.simulator.SelfSignedCertificate;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trust decision itself, on the certificates a server would present, without a handshake: the leaf's dates on
 * this machine's clock (to the millisecond), the auth type and the connection handed to each source, the first
 * source that trusts the chain, and, when none does, the cause a user can act on. The handshakes that reach it are in
 * {@code TrustDecisionsTest}; every engine and TLS version in {@code TrustMatrixTest}.
 */
class ServerTrustTest {
    private static CertificateAuthority ca;
    private static CertificateAuthority unrelated;
    private static X509Certificate[] chain;
    private static X509Certificate[] unrelatedChain;
    private static SelfSignedCertificate selfSigned;
    private static Instant notBefore;
    private static Instant notAfter;

    @BeforeAll
    static void certificates() {
        ca = CertificateAuthority.create("Trust test CA");
        unrelated = CertificateAuthority.create("Other CA");
        notBefore = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        notAfter = notBefore.plus(Duration.ofDays(30));
        chain = new X509Certificate[] {
            ca.issue(List.of("localhost"), "127.0.0.1", notBefore, notAfter).certificate(), ca.certificate()
        };
        unrelatedChain = new X509Certificate[] {unrelated.issueForLocalhost().certificate(), unrelated.certificate()};
        selfSigned = SelfSignedCertificate.forLocalhost();
    }

    /** The JDK's PKIX trust manager over these certificates, as {@link TlsSetup} makes it for a trust store. */
    private static X509ExtendedTrustManager trusting(X509Certificate... certificates) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            store.setCertificateEntry("c" + i, certificates[i]);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
    }

    private static ServerTrust.Stores stores(Instant now, ServerTrust.Source... sources) {
        return new ServerTrust.Stores(List.of(sources), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ServerTrust.Source source(String name, X509ExtendedTrustManager manager) {
        return new ServerTrust.Source(name, manager);
    }

    @Test
    void aLeafIsValidFromItsFirstToItsLastMillisecond() throws Exception {
        ServerTrust.Source store = source("the store", trusting(ca.certificate()));

        assertNull(stores(notAfter, store).verify(chain, "ECDHE_ECDSA", null, null));
        assertNull(stores(notBefore, store).verify(chain, "ECDHE_ECDSA", null, null));

        ServerTrust.Rejection expired = stores(notAfter.plusMillis(1), store).verify(chain, "ECDHE_ECDSA", null, null);
        assertEquals(ServerTrust.Kind.EXPIRED, expired.kind());
        assertEquals(Fingerprints.sha256(chain[0]), expired.fingerprint());
        assertEquals(
                "it expired on " + ServerTrust.date(notAfter) + " (this machine's clock says "
                        + ServerTrust.date(notAfter.plusMillis(1)) + ")",
                expired.reason());

        ServerTrust.Rejection early = stores(notBefore.minusMillis(1), store).verify(chain, "ECDHE_ECDSA", null, null);
        assertEquals(ServerTrust.Kind.NOT_YET_VALID, early.kind());
        assertEquals(
                "it is not valid before " + ServerTrust.date(notBefore) + " (this machine's clock says "
                        + ServerTrust.date(notBefore.minusMillis(1)) + ")",
                early.reason());
    }

    /** Records which of its checks was called, with which auth type, and trusts or refuses as told. */
    private static final class Recording extends X509ExtendedTrustManager {
        final List<String> calls = new ArrayList<>();
        private final CertificateException refusal;
        private final X509Certificate[] issuers;

        Recording(CertificateException refusal, X509Certificate... issuers) {
            this.refusal = refusal;
            this.issuers = issuers;
        }

        private void answer(String call) throws CertificateException {
            calls.add(call);
            if (refusal != null) {
                throw refusal;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            answer("socket " + authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            answer("engine " + authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            answer("plain " + authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new AssertionError("never asked");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new AssertionError("never asked");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new AssertionError("never asked");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return issuers.clone();
        }
    }

    @Test
    void eachSourceGetsTheConnectionItsEngineHandedOverAndAnAuthTypeTheJdkKnows() throws Exception {
        Recording recording = new Recording(null);
        ServerTrust.Stores trust = stores(Instant.now(), source("recording", recording));

        trust.checkServerTrusted(chain, "GENERIC", new Socket());
        trust.checkServerTrusted(chain, "ECDHE_ECDSA", (SSLEngine) null);
        trust.checkServerTrusted(chain, "RSA");
        assertNull(trust.verify(
                chain, "GENERIC", null, javax.net.ssl.SSLContext.getDefault().createSSLEngine()));

        assertEquals(List.of("socket UNKNOWN", "plain ECDHE_ECDSA", "plain RSA", "engine UNKNOWN"), recording.calls);
        assertNull(trust.lastRejection());
    }

    @Test
    void theFirstSourceThatTrustsTheChainIsEnough() throws Exception {
        Recording refusing = new Recording(new CertificateException("not mine"));
        Recording trusting = new Recording(null);
        Recording never = new Recording(null);

        assertNull(stores(Instant.now(), source("a", refusing), source("b", trusting), source("c", never))
                .verify(chain, "ECDHE_ECDSA", null, null));

        assertEquals(List.of("plain ECDHE_ECDSA"), refusing.calls);
        assertEquals(List.of("plain ECDHE_ECDSA"), trusting.calls);
        assertEquals(List.of(), never.calls);
    }

    @Test
    void aSourceThatHoldsTheIssuerButRefusesGivesItsOwnDeepestReason() {
        Recording first = new Recording(new CertificateException("first refused"));
        Recording holder = new Recording(
                new CertificateException("path", new IllegalStateException("wrapped", new Exception("revoked"))),
                ca.certificate());

        ServerTrust.Rejection rejection =
                stores(Instant.now(), source("a", first), source("b", holder)).verify(chain, "RSA", null, null);

        assertEquals(ServerTrust.Kind.OTHER, rejection.kind());
        assertEquals("it was refused: revoked", rejection.reason());
        assertEquals(Fingerprints.sha256(chain[0]), rejection.fingerprint());
    }

    @Test
    void aSourceHoldingTheTopCertificateItselfIsTheOneThatRefused() {
        Recording holder = new Recording(new CertificateException("constraints"), selfSigned.certificate());

        ServerTrust.Rejection rejection = stores(Instant.now(), source("a", holder))
                .verify(new X509Certificate[] {selfSigned.certificate()}, "RSA", null, null);

        assertEquals("it was refused: constraints", rejection.reason());
    }

    @Test
    void anIssuerNoSourceHoldsIsNamedWithEverySource() throws Exception {
        ServerTrust.Source jvm = source("the JVM's trust store", trusting(selfSigned.certificate()));
        ServerTrust.Source store = source("lxca.trustStore /t.p12", trusting(ca.certificate()));

        ServerTrust.Rejection both = stores(Instant.now(), jvm, store).verify(unrelatedChain, "RSA", null, null);
        assertEquals(ServerTrust.Kind.UNKNOWN_ISSUER, both.kind());
        assertEquals(
                "it was issued by CN=Other CA,O=LXCA simulator, and neither the JVM's trust store nor lxca.trustStore"
                        + " /t.p12 holds that issuer's certificate",
                both.reason());

        ServerTrust.Rejection one =
                stores(Instant.now(), store).verify(new X509Certificate[] {unrelatedChain[0]}, "RSA", null, null);
        assertEquals(
                "it was issued by CN=Other CA,O=LXCA simulator, and lxca.trustStore /t.p12 does not hold that"
                        + " issuer's certificate",
                one.reason());
    }

    @Test
    void aSelfSignedCertificateAloneIsNamedSelfSigned() throws Exception {
        ServerTrust.Source store = source("lxca.trustStore /t.p12", trusting(ca.certificate()));

        ServerTrust.Rejection rejection = stores(Instant.now(), store)
                .verify(new X509Certificate[] {selfSigned.certificate()}, "RSA", null, null);

        assertEquals(ServerTrust.Kind.UNKNOWN_ISSUER, rejection.kind());
        assertEquals(
                "it is self-signed (O=LXCA simulator,CN=localhost), and lxca.trustStore /t.p12 does not hold it",
                rejection.reason());
        ServerTrust.Rejection withItsIssuer = stores(Instant.now(), store).verify(unrelatedChain, "RSA", null, null);
        assertEquals(
                "it was issued by CN=Other CA,O=LXCA simulator, and lxca.trustStore /t.p12 does not hold that issuer's"
                        + " certificate",
                withItsIssuer.reason(),
                "a chain that ends in a self-signed CA names the CA as the issuer");
    }

    @Test
    void aRefusalIsKeptForTheErrorAndNoCertificateIsRefusedToo() throws Exception {
        ServerTrust.Stores trust = stores(Instant.now(), source("the store", trusting(ca.certificate())));

        CertificateException refused =
                assertThrows(CertificateException.class, () -> trust.checkServerTrusted(unrelatedChain, "RSA"));
        assertEquals(trust.lastRejection().reason(), refused.getMessage());
        assertEquals(
                Fingerprints.sha256(unrelatedChain[0]), trust.lastRejection().fingerprint());

        CertificateException none =
                assertThrows(CertificateException.class, () -> trust.checkServerTrusted(new X509Certificate[0], "RSA"));
        assertEquals("it presented no certificate", none.getMessage());
        assertEquals(
                new ServerTrust.Rejection(ServerTrust.Kind.OTHER, null, "it presented no certificate"),
                trust.lastRejection());
        assertThrows(CertificateException.class, () -> trust.checkServerTrusted(null, "RSA", (Socket) null));
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(chain, "RSA"));
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(chain, "RSA", new Socket()));
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(chain, "RSA", (SSLEngine) null));
    }

    @Test
    void theAcceptedIssuersAreEverySourcesOnes() throws Exception {
        ServerTrust.Stores trust = stores(
                Instant.now(),
                source("a", new Recording(null, ca.certificate())),
                source("b", new Recording(null, unrelated.certificate(), selfSigned.certificate())));

        assertArrayEquals(
                new X509Certificate[] {ca.certificate(), unrelated.certificate(), selfSigned.certificate()},
                trust.getAcceptedIssuers());
    }

    @Test
    void aPinTrustsExactlyItsCertificateAndNoPinTrustsAny() throws Exception {
        ServerTrust.Pinned pinned = new ServerTrust.Pinned(Fingerprints.compact(Fingerprints.sha256(chain[0])));
        assertNull(pinned.verify(chain, "RSA", null, null));

        ServerTrust.Rejection other = pinned.verify(unrelatedChain, "RSA", null, null);
        assertEquals(ServerTrust.Kind.PIN_MISMATCH, other.kind());
        assertEquals(Fingerprints.sha256(unrelatedChain[0]), other.fingerprint());
        assertEquals(
                "it does not have the pinned SHA-256 fingerprint "
                        + Fingerprints.compact(Fingerprints.sha256(chain[0])),
                other.reason());

        assertNull(new ServerTrust.Pinned(null).verify(unrelatedChain, "RSA", null, null));
        assertEquals(0, pinned.getAcceptedIssuers().length);
    }
}
