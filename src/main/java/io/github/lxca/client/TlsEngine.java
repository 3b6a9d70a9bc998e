package io.github.lxca.client;

import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import java.util.List;
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

    /**
     * From Java 24 on, the JVM prints a warning when a library loads native code without
     * {@code --enable-native-access}, and a Maven plugin cannot give the build's JVM that option; there
     * Conscrypt is used only when the JVM was started with it (MAVEN_OPTS, {@code .mvn/jvm.config}), else the
     * JDK's TLS (CONTRIBUTING.md, Performance: Java 25's own TLS is still slower than Conscrypt).
     */
    static final int FIRST_JAVA_THAT_WARNS = 24;

    static SSLContext newContext(LxcaLog log) throws GeneralSecurityException {
        int java = Runtime.version().feature();
        if (!conscryptWithoutWarning(java, ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            log.debug("TLS: the JDK's (on Java " + java + " Conscrypt's native library would make the JVM print a"
                    + " warning; with --enable-native-access=ALL-UNNAMED in MAVEN_OPTS the plugin uses Conscrypt,"
                    + " which is faster)");
            return SSLContext.getInstance("TLS");
        }
        return newContext(TlsEngine::conscrypt, log);
    }

    /**
     * Whether loading Conscrypt's native library goes without a JVM warning: before Java 24 always, from then on
     * when the JVM's options enable native access for code outside named modules (a plugin's) or allow it.
     */
    static boolean conscryptWithoutWarning(int javaFeature, List<String> jvmOptions) {
        if (javaFeature < FIRST_JAVA_THAT_WARNS) {
            return true;
        }
        for (String option : jvmOptions) {
            if (option.equals("--illegal-native-access=allow")) {
                return true;
            }
            if (option.startsWith("--enable-native-access=")
                    && Arrays.asList(option.substring("--enable-native-access=".length())
                                    .split(",", -1))
                            .contains("ALL-UNNAMED")) {
                return true;
            }
        }
        return false;
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

    /** Conscrypt's provider, made once: every client's {@link SSLContext} comes from the same one. */
    private static Provider conscryptProvider;

    private static synchronized Provider conscrypt() {
        if (conscryptProvider == null) {
            Conscrypt.checkAvailability(); // loads the native library, or says why it cannot
            conscryptProvider = Conscrypt.newProvider();
        }
        return conscryptProvider;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (end < 0 ? message : message.substring(0, end));
    }
}
