package io.github.lxca.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The plugin's one decision whether to trust the certificate a server presents, the same with either TLS
 * engine ({@link TlsEngine}). It is an {@link X509ExtendedTrustManager}, so that neither engine wraps it
 * in checks of its own, and it passes the JDK's trust managers an auth type they know: Conscrypt names
 * TLS 1.3's {@code GENERIC} (the key exchange no longer fixes the key type), which the JDK's PKIX checks
 * refuse as unknown; the JDK itself calls that {@code UNKNOWN}. When it refuses a certificate it keeps
 * the {@link Rejection}, the cause a user can act on, for {@link TlsSetup#rejection}.
 */
abstract sealed class ServerTrust extends X509ExtendedTrustManager {
    /** Why a certificate was refused, in words for the build's headline, and its SHA-256 fingerprint. */
    record Rejection(Kind kind, String fingerprint, String reason) {}

    enum Kind {
        PIN_MISMATCH,
        EXPIRED,
        NOT_YET_VALID,
        UNKNOWN_ISSUER,
        OTHER
    }

    private volatile Rejection lastRejection;

    /** The certificate refused last, or null when none was. */
    Rejection lastRejection() {
        return lastRejection;
    }

    /** Null when the chain is trusted, else why not. */
    abstract Rejection verify(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine);

    private void check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            lastRejection = new Rejection(Kind.OTHER, null, "it presented no certificate");
            throw new CertificateException(lastRejection.reason());
        }
        Rejection rejection = verify(chain, authType, socket, engine);
        if (rejection != null) {
            lastRejection = rejection;
            throw new CertificateException(rejection.reason());
        }
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, null);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType, socket, null);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, null, engine);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Client certificates are not checked here");
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("Client certificates are not checked here");
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("Client certificates are not checked here");
    }

    /** Trusts exactly the leaf certificate with one SHA-256 fingerprint, whatever its dates; with none, anything. */
    static final class Pinned extends ServerTrust {
        private final String fingerprint;

        Pinned(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        Rejection verify(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine) {
            String presented = Fingerprints.sha256(chain[0]);
            if (fingerprint == null || fingerprint.equals(Fingerprints.compact(presented))) {
                return null;
            }
            return new Rejection(
                    Kind.PIN_MISMATCH, presented, "it does not have the pinned SHA-256 fingerprint " + fingerprint);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** One source of trusted certificates: the JVM's, or the user's trust store, and its name for messages. */
    record Source(String name, X509ExtendedTrustManager manager) {}

    /**
     * Trusts a chain whose leaf is valid now and that any one source trusts. When none does, it names the
     * cause a user can act on: the leaf's dates, an issuer that no source holds, or else the refusal of the
     * source that does hold the chain's anchor (the first source's when none does).
     */
    static final class Stores extends ServerTrust {
        private final List<Source> sources;
        private final Clock clock;

        Stores(List<Source> sources, Clock clock) {
            this.sources = List.copyOf(sources);
            this.clock = clock;
        }

        @Override
        Rejection verify(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine) {
            X509Certificate leaf = chain[0];
            String fingerprint = Fingerprints.sha256(leaf);
            // The JDK does not check the dates of a certificate that is itself trusted (a self-signed one in the
            // trust store), and names neither date when it refuses one: the leaf's dates are checked here.
            Instant now = clock.instant();
            if (now.isAfter(leaf.getNotAfter().toInstant())) {
                return new Rejection(
                        Kind.EXPIRED,
                        fingerprint,
                        "it expired on " + date(leaf.getNotAfter().toInstant()) + " (this machine's clock says "
                                + date(now) + ")");
            }
            if (now.isBefore(leaf.getNotBefore().toInstant())) {
                return new Rejection(
                        Kind.NOT_YET_VALID,
                        fingerprint,
                        "it is not valid before " + date(leaf.getNotBefore().toInstant())
                                + " (this machine's clock says " + date(now) + ")");
            }
            String type = "GENERIC".equals(authType) ? "UNKNOWN" : authType;
            List<CertificateException> refusals = new ArrayList<>();
            for (Source source : sources) {
                try {
                    if (socket != null) {
                        source.manager().checkServerTrusted(chain, type, socket);
                    } else if (engine != null) {
                        source.manager().checkServerTrusted(chain, type, engine);
                    } else {
                        source.manager().checkServerTrusted(chain, type);
                    }
                    return null;
                } catch (CertificateException e) {
                    refusals.add(e);
                }
            }
            X509Certificate top = chain[chain.length - 1];
            for (int i = 0; i < sources.size(); i++) {
                if (holdsIssuerOf(sources.get(i), top)) {
                    return new Rejection(Kind.OTHER, fingerprint, "it was refused: " + rootMessage(refusals.get(i)));
                }
            }
            String where = sources.stream().map(Source::name).collect(Collectors.joining(" nor "));
            String holder = sources.size() > 1 ? "neither " + where + " holds" : where + " does not hold";
            boolean selfSigned = top.getIssuerX500Principal().equals(top.getSubjectX500Principal());
            String reason = selfSigned && chain.length == 1
                    ? "it is self-signed (" + top.getSubjectX500Principal().getName() + "), and " + holder + " it"
                    : "it was issued by " + top.getIssuerX500Principal().getName() + ", and " + holder
                            + " that issuer's certificate";
            return new Rejection(Kind.UNKNOWN_ISSUER, fingerprint, reason);
        }

        /** Whether the source trusts the certificate itself or a certificate named as its issuer. */
        private static boolean holdsIssuerOf(Source source, X509Certificate top) {
            return Arrays.stream(source.manager().getAcceptedIssuers())
                    .anyMatch(trusted -> trusted.equals(top)
                            || trusted.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return String.valueOf(root.getMessage());
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return sources.stream()
                    .flatMap(s -> Arrays.stream(s.manager().getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }

    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS)
                .toString()
                .replace('T', ' ')
                .replace("Z", " UTC");
    }
}
