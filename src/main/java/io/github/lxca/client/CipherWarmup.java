package io.github.lxca.client;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GCM compiled before a large upload starts. In a fresh JVM the TLS layer encrypts
 * its first second or so of records in interpreted code, which made a 256 MiB upload run at a fifth
 * of curl's speed (see the README's performance section). Encrypting throw-away records the way TLS
 * does, on a background thread while the update sets are checked (which reads every payload anyway),
 * moves that cost out of the upload. Nothing here touches the connection or any real key.
 *
 * <p>The warm-up first sets up TLS as the client will ({@link TlsSetup}: trust stores, SSL context)
 * and decrypts as well as encrypts. Those steps load other implementations of the types AES-GCM calls
 * through (other ciphers, cipher modes, the GCM decrypter); the JIT had compiled the warm-up's code on
 * the assumption that each had one, so loading them after the warm-up threw its compiled code away and
 * the upload began in slow code again.
 */
public final class CipherWarmup {
    /** Below this, an upload is short enough that warming up would cost more than it saves. */
    public static final long WORTH_IT_BYTES = 128L * 1024 * 1024;
    private static final int RECORD = 16 * 1024;
    private static final int RECORDS = 16 * 1024; // 256 MiB
    private static final int VARY_EVERY = 64;
    private static final long MAX_WAIT_MILLIS = 5_000;

    private CipherWarmup() {}

    /**
     * Runs {@code work} while warming up on a daemon thread when {@code uploadBytes} make it worth it,
     * then waits for the warm-up (at most a few seconds), so that it does not compete with the upload
     * for the CPU. Never fails the work.
     */
    public static <T, E extends Exception> T during(long uploadBytes, TrustSettings trust, Work<T, E> work) throws E {
        if (uploadBytes < WORTH_IT_BYTES) {
            return work.run();
        }
        Thread thread = new Thread(() -> warmUp(trust), "lxca-cipher-warmup");
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

    static void warmUp(TrustSettings trust) {
        try {
            TlsSetup.of(trust, new LxcaLog() {
                @Override public void info(String message) {}
                @Override public void warn(String message) {}
                @Override public void debug(String message) {}
            });
        } catch (LxcaConfigurationException | RuntimeException e) {
            // the client reports this when it sets up TLS itself
        }
        try {
            sealAndOpenThrowAwayRecords(RECORDS);
        } catch (GeneralSecurityException | RuntimeException e) {
            // only an optimisation: the upload works the same without it
        }
    }

    /**
     * Records as TLS 1.3 seals and opens them: a cipher made for each key, a fresh nonce per record, a
     * 5-byte header as associated data, encryption in place in one buffer, a full record's payload plus
     * its content-type byte (so the last AES block is a partial one). Now and then comes a new key, a
     * short record and a decryption, so that the JIT does not compile those branches out of the code
     * the upload will run.
     */
    static void sealAndOpenThrowAwayRecords(int records) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] keyBytes = new byte[32];
        byte[] nonce = new byte[12];
        byte[] header = new byte[5];
        ByteBuffer buffer = ByteBuffer.allocate(RECORD + 1 + 16);
        Cipher encrypter = null;
        Cipher decrypter = null;
        SecretKeySpec key = null;
        for (int i = 0; i < records; i++) {
            boolean newKey = i % VARY_EVERY == 0;
            if (newKey) {
                keyBytes[0] = (byte) (i / VARY_EVERY);
                key = new SecretKeySpec(keyBytes, "AES");
                encrypter = Cipher.getInstance("AES/GCM/NoPadding");
                decrypter = Cipher.getInstance("AES/GCM/NoPadding");
            }
            ByteBuffer.wrap(nonce).putInt(8, i); // GCM refuses a repeated key and nonce
            GCMParameterSpec parameters = new GCMParameterSpec(128, nonce);
            buffer.clear().limit(newKey ? 1 + (i / VARY_EVERY * 37) % 300 : RECORD + 1); // all lengths mod 16
            ByteBuffer plaintext = buffer.duplicate();
            encrypter.init(Cipher.ENCRYPT_MODE, key, parameters, random);
            buffer.limit(encrypter.getOutputSize(buffer.remaining())); // room for the tag
            encrypter.updateAAD(header);
            encrypter.doFinal(plaintext, buffer);
            if (newKey || i % VARY_EVERY == 1) { // the replies LXCA sends are few and short
                buffer.flip();
                decrypter.init(Cipher.DECRYPT_MODE, key, parameters, random);
                decrypter.updateAAD(header);
                decrypter.doFinal(buffer.duplicate(), buffer);
            }
        }
    }
}
