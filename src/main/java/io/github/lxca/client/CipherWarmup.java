package io.github.lxca.client;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GCM compiled before a large upload starts. In a fresh JVM the TLS layer encrypts
 * its first second or so of records in interpreted code, which made a 256 MiB upload run at a fifth
 * of curl's speed (see the README's performance section). Encrypting throw-away records the way TLS
 * does, on a background thread while the update sets are checked (which reads every payload anyway),
 * moves that cost out of the upload: measured on 2 cores, a 256 MiB upload went from 0.20 to about 0.5-0.6
 * of curl's speed, 1 GiB from 0.55 to 0.7-1.1 (noisy). Nothing here touches the connection or any real key.
 */
public final class CipherWarmup {
    /** Below this, an upload is short enough that warming up would cost more than it saves. */
    public static final long WORTH_IT_BYTES = 128L * 1024 * 1024;
    private static final int RECORD = 16 * 1024;
    private static final int RECORDS = 16 * 1024; // 256 MiB
    private static final long MAX_WAIT_MILLIS = 5_000;

    private CipherWarmup() {}

    /**
     * Runs {@code work} while warming up on a daemon thread when {@code uploadBytes} make it worth it,
     * then waits for the warm-up (at most a few seconds), so that it does not compete with the upload
     * for the CPU. Never fails the work.
     */
    public static <T, E extends Exception> T during(long uploadBytes, Work<T, E> work) throws E {
        if (uploadBytes < WORTH_IT_BYTES) {
            return work.run();
        }
        Thread thread = new Thread(CipherWarmup::encryptThrowAwayRecords, "lxca-cipher-warmup");
        thread.setDaemon(true);
        thread.start();
        T result = work.run();
        try {
            thread.join(MAX_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** What runs meanwhile: checking the update sets. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    static void encryptThrowAwayRecords() {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
            // ByteBuffers, as the TLS record layer hands them to the cipher, so the same code gets compiled
            ByteBuffer record = ByteBuffer.allocate(RECORD);
            ByteBuffer sealed = ByteBuffer.allocate(RECORD + 16);
            byte[] nonce = new byte[12];
            byte[] header = new byte[5];
            for (int i = 0; i < RECORDS; i++) {
                ByteBuffer.wrap(nonce).putInt(8, i); // GCM refuses a repeated key and nonce
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(header);
                record.clear();
                sealed.clear();
                cipher.doFinal(record, sealed);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // only an optimisation: the upload works the same without it
        }
    }
}
