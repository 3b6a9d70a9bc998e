package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CipherWarmupTest {
    private static final TrustSettings JVM_TRUST = TrustSettings.jvmDefaults();

    @Test
    void smallUploadsRunTheWorkAloneOnThisThread() throws Exception {
        awaitNoWarmup(); // one left by another test whose work failed, which is not waited for
        Thread caller = Thread.currentThread();
        assertEquals("checked", CipherWarmup.during(CipherWarmup.WORTH_IT_BYTES - 1, JVM_TRUST, () -> {
            assertSame(caller, Thread.currentThread());
            assertFalse(warmupRunning());
            return "checked";
        }));
    }

    @Test
    void largeUploadsWarmUpMeanwhileAndWaitForIt() throws Exception {
        awaitNoWarmup();
        boolean[] sawWarmup = new boolean[1];
        assertEquals("checked", CipherWarmup.during(CipherWarmup.WORTH_IT_BYTES, JVM_TRUST, () -> {
            sawWarmup[0] = warmupRunning();
            return "checked";
        }));
        assertTrue(sawWarmup[0], "the warm-up ran while the work did");
        assertFalse(warmupRunning(), "and was waited for");
    }

    @Test
    void theWorksFailurePassesThrough() {
        IOException failure = new IOException("unreadable");
        assertSame(failure, assertThrows(IOException.class, () -> CipherWarmup.during(CipherWarmup.WORTH_IT_BYTES, JVM_TRUST, () -> {
            throw failure;
        })));
    }

    @Test
    void theThrowAwayRecordsAreSealedAndOpenedAsTlsDoes() throws Exception {
        // opening checks each record's tag: sealing in place or with the wrong header would fail it
        CipherWarmup.sealAndOpenThrowAwayRecords(3 * 64);
    }

    private static void awaitNoWarmup() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("lxca-cipher-warmup")) {
                thread.join();
            }
        }
    }

    private static boolean warmupRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("lxca-cipher-warmup") && t.isAlive());
    }
}
