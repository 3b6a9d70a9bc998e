package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lxca.testing.RecordingLog;
import java.lang.management.ManagementFactory;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class TlsEngineTest {
    private final RecordingLog log = new RecordingLog();

    @Test
    @EnabledOnOs(
            value = {OS.LINUX, OS.MAC, OS.WINDOWS},
            architectures = {"amd64", "x86_64"}) // what its jar ships
    void usesConscryptWhereItsNativeLibraryLoadsWithoutAWarning() throws Exception {
        assumeTrue(
                TlsEngine.conscryptWithoutWarning(
                        Runtime.version().feature(),
                        ManagementFactory.getRuntimeMXBean().getInputArguments()),
                "this JVM would warn: the plugin uses the JDK's TLS here");
        SSLContext context = TlsEngine.newContext(log);

        assertEquals("Conscrypt", context.getProvider().getName());
        assertEquals(List.of("DEBUG TLS: Conscrypt"), log.lines());
    }

    @Test
    void fromJava24ConscryptOnlyWhereTheJvmAllowsNativeAccessWithoutAWarning() {
        assertTrue(TlsEngine.conscryptWithoutWarning(17, List.of()));
        assertTrue(TlsEngine.conscryptWithoutWarning(23, List.of()));
        assertFalse(TlsEngine.conscryptWithoutWarning(24, List.of()));
        assertFalse(TlsEngine.conscryptWithoutWarning(25, List.of("-Xmx1g", "--enable-native-access=java.base")));
        assertTrue(TlsEngine.conscryptWithoutWarning(25, List.of("--enable-native-access=ALL-UNNAMED")));
        assertTrue(TlsEngine.conscryptWithoutWarning(25, List.of("--enable-native-access=java.base,ALL-UNNAMED")));
        assertTrue(TlsEngine.conscryptWithoutWarning(25, List.of("--illegal-native-access=allow")));
        assertFalse(TlsEngine.conscryptWithoutWarning(25, List.of("--illegal-native-access=warn")));
    }

    @Test
    void fallsBackToTheJdksTlsAndSaysSoAtDebug() throws Exception {
        SSLContext context = TlsEngine.newContext(
                () -> {
                    throw new UnsatisfiedLinkError(
                            "no conscrypt_openjdk_jni-linux-riscv64 in the jar\nand more detail");
                },
                log);

        assertEquals("SunJSSE", context.getProvider().getName());
        assertEquals(
                List.of("DEBUG TLS: the JDK's (Conscrypt is not available on this platform:"
                        + " UnsatisfiedLinkError: no conscrypt_openjdk_jni-linux-riscv64 in the jar)"),
                log.lines());
    }

    @Test
    void aReasonWhoseFirstLineIsEmptyShowsNoneOfTheRest() throws Exception {
        TlsEngine.newContext(
                () -> {
                    throw new IllegalStateException("\nstack of the native loader");
                },
                log);

        assertEquals(
                List.of("DEBUG TLS: the JDK's (Conscrypt is not available on this platform: IllegalStateException: )"),
                log.lines());
    }

    @Test
    void neverInstallsConscryptForTheWholeJvm() throws Exception {
        TlsEngine.newContext(log);
        TlsSetup.of(new TrustSettings(null, null, null, false, null), log);

        assertNull(Security.getProvider("Conscrypt"));
        assertFalse(
                Arrays.stream(Security.getProviders()).anyMatch(p -> p.getName().contains("Conscrypt")),
                Arrays.toString(Security.getProviders()));
        assertTrue(SSLContext.getDefault().getProvider().getName().startsWith("SunJSSE"));
    }
}
