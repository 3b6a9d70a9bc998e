package io.github.lxca.client;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.conscrypt.Conscrypt;

/**
 * Where the client's TLS comes from: Conscrypt (BoringSSL, native code) when its native library loads on
 * this platform, else the JDK's own. Conscrypt seals records with fewer CPU cycles per byte than the
 * JDK's AES-GCM does in a fresh JVM, which is what an upload of several GiB spends its time on (see the
 * README's performance section). Its provider object is handed only to this client's {@link SSLContext}
 * and never installed as a JVM-wide security provider, so nothing else in the build sees it.
 */
final class TlsEngine {
    private TlsEngine() {}

    static SSLContext newContext(LxcaLog log) throws GeneralSecurityException {
        return newContext(TlsEngine::conscrypt, log);
    }

    /** With the native provider from {@code nativeProvider}, or the JDK's TLS when it cannot be had. */
    static SSLContext newContext(Supplier<Provider> nativeProvider, LxcaLog log) throws GeneralSecurityException {
        Provider provider;
        try {
            provider = nativeProvider.get();
        } catch (LinkageError | RuntimeException e) { // the native library or the jar itself is missing here
            log.debug("TLS: the JDK's (Conscrypt is not available on this platform: " + firstLine(e) + ")");
            return SSLContext.getInstance("TLS");
        }
        log.debug("TLS: " + provider.getName());
        return SSLContext.getInstance("TLS", provider);
    }

    private static Provider conscrypt() {
        Conscrypt.checkAvailability(); // loads the native library, or says why it cannot
        return Conscrypt.newProvider();
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (end < 0 ? message : message.substring(0, end));
    }
}
