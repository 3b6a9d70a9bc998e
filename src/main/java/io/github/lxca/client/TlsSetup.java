package io.github.lxca.client;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * Builds the TLS context for {@link TrustSettings}, and remembers the certificate a server presented
 * when it was rejected, so that the error can show its fingerprint.
 */
final class TlsSetup {
    private final SSLContext sslContext;
    private final HostnameVerifier hostnameVerifier;
    private final RecordingTrustManager trustManager;
    /** The pinned fingerprint in colon form, or null. */
    private final String pinned;

    private TlsSetup(
            SSLContext sslContext,
            HostnameVerifier hostnameVerifier,
            RecordingTrustManager trustManager,
            String pinned) {
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
        try {
            X509TrustManager checker;
            HostnameVerifier verifier;
            String pinned = TrustInputs.pinnedFingerprint(trust);
            if (pinned != null) {
                checker = new PinnedTrustManager(pinned);
                verifier = NoopHostnameVerifier.INSTANCE; // the pin identifies the server, whatever name it has
            } else if (trust.insecure()) {
                checker = new PinnedTrustManager(null);
                verifier = NoopHostnameVerifier.INSTANCE;
            } else {
                List<X509TrustManager> managers = new ArrayList<>();
                managers.add(trustManagerFor(null));
                if (trust.trustStore() != null) {
                    managers.add(trustManagerFor(TrustInputs.load(trust)));
                }
                checker = new AnyOfTrustManager(managers);
                verifier = new DefaultHostnameVerifier();
            }
            RecordingTrustManager recording = new RecordingTrustManager(checker);
            SSLContext context = TlsEngine.newContext(log);
            context.init(null, new TrustManager[] {recording}, null);
            return new TlsSetup(context, verifier, recording, pinned);
        } catch (GeneralSecurityException e) {
            throw new LxcaConfigurationException(
                    "Cannot set up TLS: " + e.getMessage(), null, List.of(), WhatToDo.CHECK_THE_TRUST_STORE, e);
        }
    }

    private static X509TrustManager trustManagerFor(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
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
        String rejected = trustManager.lastRejected;
        if (rejected == null) {
            return null;
        }
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
        return new LxcaCertificateException(
                "The TLS certificate of LXCA at " + host + " is not trusted (SHA-256 fingerprint " + rejected + ")",
                rejected,
                WhatToDo.trustThisCertificate(rejected),
                cause);
    }

    /** Delegates the check and keeps the fingerprint of a rejected server certificate. */
    private static final class RecordingTrustManager implements X509TrustManager {
        private final X509TrustManager delegate;
        private volatile String lastRejected;

        RecordingTrustManager(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                lastRejected = chain.length > 0 ? Fingerprints.sha256(chain[0]) : null;
                throw e;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** Trusts a chain that any one of several trust managers trusts. */
    private static final class AnyOfTrustManager implements X509TrustManager {
        private final List<X509TrustManager> managers;

        AnyOfTrustManager(List<X509TrustManager> managers) {
            this.managers = List.copyOf(managers);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream()
                    .flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }

    /** Trusts exactly the leaf certificate with one SHA-256 fingerprint; with none, trusts everything. */
    private static final class PinnedTrustManager implements X509TrustManager {
        private final String fingerprint;

        PinnedTrustManager(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (fingerprint == null) {
                return;
            }
            if (chain.length == 0 || !fingerprint.equals(Fingerprints.compact(Fingerprints.sha256(chain[0])))) {
                throw new CertificateException("The server certificate does not have the pinned SHA-256 fingerprint");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
