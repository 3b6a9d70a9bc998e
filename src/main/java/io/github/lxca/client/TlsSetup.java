package io.github.lxca.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
                String jvmStore = jvmTrustStoreName();
                sources.add(new ServerTrust.Source(jvmStore, TRUST_MANAGERS.jvm(jvmStore)));
                if (trust.trustStore() != null) {
                    sources.add(new ServerTrust.Source(
                            "lxca.trustStore " + trust.trustStore().toAbsolutePath(), TRUST_MANAGERS.of(trust)));
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

    /** The trust managers of the JVM's trust store and of each trust store file, made once for all clients. */
    private static final TrustManagers TRUST_MANAGERS = new TrustManagers();

    /**
     * The JDK's PKIX trust managers, built once per distinct trust setting and shared by every client that has
     * it: one per appliance would load and decrypt the trust store (about 2 MiB of garbage and 40 ms of CPU for a
     * PKCS12 store) twice per LXCA of a rollout, the import's client and the apply's. A trust manager made by
     * {@link TrustManagerFactory} holds only the trust anchors and is safe to share; what a client must not
     * share, the certificate its server last presented when refused, stays in its own {@link ServerTrust}.
     * A trust store file is known by its path, size, time of change and password, so a store replaced during a
     * long build is read again; the password is kept only as a SHA-256 digest.
     */
    static final class TrustManagers {
        private final Map<String, X509ExtendedTrustManager> jvm = new ConcurrentHashMap<>();
        private final Map<StoreKey, X509ExtendedTrustManager> stores = new ConcurrentHashMap<>();
        private final AtomicInteger loads = new AtomicInteger();

        private record StoreKey(Path file, long size, FileTime changed, String passwordDigest) {}

        /** The trust manager over the JVM's default trust store, named {@code name}. */
        X509ExtendedTrustManager jvm(String name) throws GeneralSecurityException {
            X509ExtendedTrustManager manager = jvm.get(name);
            if (manager == null) {
                manager = trustManagerFor(null);
                loads.incrementAndGet();
                X509ExtendedTrustManager earlier = jvm.putIfAbsent(name, manager);
                manager = earlier == null ? manager : earlier;
            }
            return manager;
        }

        /** The trust manager over the trust store of {@code trust}, loaded with {@link TrustInputs#load}. */
        X509ExtendedTrustManager of(TrustSettings trust) throws GeneralSecurityException, LxcaConfigurationException {
            StoreKey key = keyOf(trust);
            X509ExtendedTrustManager manager = key == null ? null : stores.get(key);
            if (manager == null) {
                manager = trustManagerFor(TrustInputs.load(trust));
                loads.incrementAndGet();
                if (key != null) {
                    X509ExtendedTrustManager earlier = stores.putIfAbsent(key, manager);
                    manager = earlier == null ? manager : earlier;
                }
            }
            return manager;
        }

        /** How many trust managers were built: each a trust store read (tests count them). */
        int loads() {
            return loads.get();
        }

        /** Null when the file cannot be looked at: then it is loaded, and {@link TrustInputs#load} names why not. */
        private static StoreKey keyOf(TrustSettings trust) {
            Path file = trust.trustStore().toAbsolutePath().normalize();
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                String password = trust.trustStorePassword();
                String digest = password == null
                        ? ""
                        : HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest(password.getBytes(StandardCharsets.UTF_8)));
                return new StoreKey(file, attributes.size(), attributes.lastModifiedTime(), digest);
            } catch (IOException | NoSuchAlgorithmException e) {
                return null;
            }
        }
    }

    /** The shared trust manager over the trust store of {@code trust}, loaded when first asked for. */
    static X509ExtendedTrustManager trustStoreManager(TrustSettings trust) throws LxcaConfigurationException {
        try {
            return TRUST_MANAGERS.of(trust);
        } catch (GeneralSecurityException e) {
            throw new LxcaConfigurationException(
                    "Cannot set up TLS: " + e.getMessage(), null, List.of(), WhatToDo.CHECK_THE_TRUST_STORE, e);
        }
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
