package io.github.lxca.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * Builds the TLS context for {@link TrustSettings}, and remembers the certificate a server presented
 * when it was rejected, so that the error can show its fingerprint.
 */
final class TlsSetup {
    private final SSLContext sslContext;
    private final HostnameVerifier hostnameVerifier;
    private final ServerTrust trustManager;
    /** The pinned fingerprint in colon form, or null. */
    private final String pinned;

    private TlsSetup(
            SSLContext sslContext, HostnameVerifier hostnameVerifier, ServerTrust trustManager, String pinned) {
        this.sslContext = sslContext;
        this.hostnameVerifier = hostnameVerifier;
        this.trustManager = trustManager;
        this.pinned = pinned == null
                ? null
                : HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(HexFormat.of().parseHex(pinned));
    }

    /** @param log gets one DEBUG line naming the TLS implementation in use ({@link TlsEngine}) */
    static TlsSetup of(TrustSettings trust, LxcaLog log) throws LxcaConfigurationException {
        return of(trust, log, TlsEngine::newContext);
    }

    /** The TLS context that makes an {@link SSLContext}; tests name each engine the plugin may pick. */
    interface ContextFactory {
        SSLContext newContext(LxcaLog log) throws GeneralSecurityException;
    }

    static TlsSetup of(TrustSettings trust, LxcaLog log, ContextFactory engine) throws LxcaConfigurationException {
        try {
            ServerTrust checker;
            HostnameVerifier verifier;
            String pinned = TrustInputs.pinnedFingerprint(trust);
            if (pinned != null) {
                checker = new ServerTrust.Pinned(pinned);
                verifier = NoopHostnameVerifier.INSTANCE; // the pin identifies the server, whatever name it has
            } else if (trust.insecure()) {
                checker = new ServerTrust.Pinned(null);
                verifier = NoopHostnameVerifier.INSTANCE;
            } else {
                List<ServerTrust.Source> sources = new ArrayList<>();
                sources.add(new ServerTrust.Source(jvmTrustStoreName(), trustManagerFor(null)));
                if (trust.trustStore() != null) {
                    sources.add(new ServerTrust.Source(
                            "lxca.trustStore " + trust.trustStore().toAbsolutePath(),
                            trustManagerFor(TrustInputs.load(trust))));
                }
                checker = new ServerTrust.Stores(sources, Clock.systemUTC());
                verifier = new DefaultHostnameVerifier();
            }
            SSLContext context = engine.newContext(log);
            context.init(null, new TrustManager[] {checker}, null);
            return new TlsSetup(context, verifier, checker, pinned);
        } catch (GeneralSecurityException e) {
            throw new LxcaConfigurationException(
                    "Cannot set up TLS: " + e.getMessage(), null, List.of(), WhatToDo.CHECK_THE_TRUST_STORE, e);
        }
    }

    /**
     * What the JVM trusts by default, as the JDK finds it: the file named by {@code javax.net.ssl.trustStore},
     * else {@code jssecacerts}, else {@code cacerts} in the JDK's {@code lib/security}.
     */
    private static String jvmTrustStoreName() {
        String property = System.getProperty("javax.net.ssl.trustStore");
        if (property != null && !property.isEmpty()) {
            return "the JVM's trust store " + property + " (javax.net.ssl.trustStore)";
        }
        Path security = Path.of(System.getProperty("java.home"), "lib", "security");
        Path jssecacerts = security.resolve("jssecacerts");
        return "the JVM's trust store "
                + (Files.isRegularFile(jssecacerts) ? jssecacerts : security.resolve("cacerts"));
    }

    /** The JDK's PKIX trust manager over {@code store}, or over the JVM's default trust store when it is null. */
    private static X509ExtendedTrustManager trustManagerFor(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("No X.509 trust manager available");
    }

    SSLContext sslContext() {
        return sslContext;
    }

    HostnameVerifier hostnameVerifier() {
        return hostnameVerifier;
    }

    /**
     * The failure for a handshake whose certificate the trust check rejected, or null when it rejected
     * none. A pinned certificate that changed is told apart from one that was never trusted: it may be
     * someone in between, so the user is asked to verify the new one before pinning it.
     */
    LxcaCertificateException rejection(String host, Exception cause) {
        ServerTrust.Rejection rejection = trustManager.lastRejection();
        if (rejection == null || rejection.fingerprint() == null) {
            return null;
        }
        String rejected = rejection.fingerprint();
        if (pinned != null) {
            return new LxcaCertificateException(
                    "The TLS certificate of LXCA at " + host + " has changed:"
                            + " lxca.certificateFingerprint pins " + pinned + ", but it presented " + rejected
                            + ". Either"
                            + " LXCA's certificate was renewed or regenerated, or someone between this machine and LXCA is"
                            + " presenting their own; nothing was sent",
                    rejected,
                    WhatToDo.verifyBeforePinning(rejected),
                    cause);
        }
        String headline =
                "The TLS certificate of LXCA at " + host + " is not trusted (SHA-256 fingerprint " + rejected + "): ";
        return switch (rejection.kind()) {
            case EXPIRED ->
                new LxcaCertificateException(
                        headline + rejection.reason(), rejected, WhatToDo.RENEW_THE_CERTIFICATE, cause);
            case NOT_YET_VALID ->
                new LxcaCertificateException(headline + rejection.reason(), rejected, WhatToDo.CHECK_THE_CLOCKS, cause);
            case UNKNOWN_ISSUER, PIN_MISMATCH ->
                new LxcaCertificateException(
                        headline + rejection.reason(), rejected, WhatToDo.trustThisCertificate(rejected), cause);
            case OTHER ->
                new LxcaCertificateException(
                        headline + rejection.reason(), rejected, WhatToDo.TRUST_THE_CERTIFICATE, cause);
        };
    }
}
