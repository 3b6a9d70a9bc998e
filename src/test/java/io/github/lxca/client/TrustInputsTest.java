package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.SelfSignedCertificate;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each trust input mistake is told apart and named with its parameter and path or value. */
class TrustInputsTest {
    private static final String SOURCE = "the environment variable LXCA_TRUSTSTORE_PASSWORD";
    private static SelfSignedCertificate certificate;

    @TempDir
    Path work;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = SelfSignedCertificate.forLocalhost();
    }

    private Path pkcs12() throws Exception {
        return certificate.writeTrustStore(work.resolve("trust.p12"));
    }

    private static String fails(TrustSettings trust) {
        return assertThrows(LxcaConfigurationException.class, () -> TrustInputs.check(trust))
                .describe();
    }

    @Test
    void aGoodTrustStoreAndPasswordPass() throws Exception {
        assertDoesNotThrow(() -> TrustInputs.check(new TrustSettings(pkcs12(), "changeit", null, false, SOURCE)));
    }

    @Test
    void aMissingTrustStoreIsNamedWithItsPath() {
        Path missing = work.resolve("lxca-truststore.p12");
        String message = fails(new TrustSettings(missing, "changeit", null, false, SOURCE));
        assertTrue(
                message.startsWith("lxca.trustStore " + missing.toAbsolutePath() + " does not exist\nWhat to do: "),
                message);
        assertTrue(message.contains("What to do: check the path"), message);
    }

    @Test
    void aFolderIsNotATrustStore() {
        String message = fails(new TrustSettings(work, "changeit", null, false, SOURCE));
        assertTrue(message.startsWith("lxca.trustStore " + work.toAbsolutePath() + " is not a file"), message);
    }

    @Test
    void aWrongPasswordSaysWhereItWasReadFrom() throws Exception {
        Path store = pkcs12();
        String message = fails(new TrustSettings(store, "not-the-password", null, false, SOURCE));
        assertEquals(
                "The trust store password is wrong for lxca.trustStore " + store.toAbsolutePath()
                        + " (it was read from " + SOURCE + ")",
                message.lines().findFirst().orElseThrow());
        assertTrue(message.contains("What to do: give the password the trust store was made with"), message);
    }

    @Test
    void aWrongPasswordOfAJksStoreToo() throws Exception {
        Path store = work.resolve("trust.jks");
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        jks.setCertificateEntry(
                "lxca",
                KeyStore.getInstance(pkcs12().toFile(), "changeit".toCharArray())
                        .getCertificate("lxca"));
        try (var out = Files.newOutputStream(store)) {
            jks.store(out, "changeit".toCharArray());
        }
        assertDoesNotThrow(() -> TrustInputs.check(new TrustSettings(store, "changeit", null, false, SOURCE)));
        assertTrue(fails(new TrustSettings(store, "wrong", null, false, SOURCE))
                .startsWith("The trust store password is wrong"));
    }

    @Test
    void aMissingPasswordIsNotCalledWrong() throws Exception {
        Path store = pkcs12();
        String message = fails(new TrustSettings(store, null, null, false, SOURCE));
        assertTrue(
                message.startsWith("No trust store password was given for lxca.trustStore " + store.toAbsolutePath()),
                message);
        assertTrue(message.contains("LXCA_TRUSTSTORE_PASSWORD"), message);
    }

    @Test
    void aFileThatIsNoKeyStoreIsNamedSo() throws Exception {
        Path pem = certificate.writePem(work.resolve("lxca.pem"));
        String message = fails(new TrustSettings(pem, "changeit", null, false, SOURCE));
        assertTrue(
                message.startsWith(
                        "lxca.trustStore " + pem.toAbsolutePath() + " is neither a PKCS12 nor a JKS trust store"),
                message);
    }

    @Test
    void aShortFingerprintIsRefusedWithItsValue() {
        String message = fails(new TrustSettings(null, null, "BB:19:4A", false, SOURCE));
        assertTrue(
                message.startsWith("lxca.certificateFingerprint 'BB:19:4A' is not a SHA-256 fingerprint: it has 6 hex"
                        + " digits, and one has 64"),
                message);
        assertTrue(message.contains("What to do: copy the whole SHA-256 fingerprint"), message);
    }

    @Test
    void aShortFingerprintOfZerosIsShortNotOddlyWritten() {
        String message = fails(new TrustSettings(null, null, "00:00:0A", false, SOURCE));
        assertTrue(message.contains("is not a SHA-256 fingerprint: it has 6 hex digits"), message);
    }

    @Test
    void aTrustStoreThatHoldsOnlyASecretKeyHoldsNoCertificates() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry(
                "not-a-certificate",
                new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], "AES")),
                new KeyStore.PasswordProtection("changeit".toCharArray()));
        Path file = work.resolve("secret-only.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }

        String message = fails(new TrustSettings(file, "changeit", null, false, SOURCE));

        assertTrue(message.startsWith("lxca.trustStore " + file.toAbsolutePath() + " holds no certificates"), message);
    }

    @Test
    void aFingerprintWithOtherCharactersIsRefused() {
        String sha1Looking = "sha256:" + "AB".repeat(32);
        String message = fails(new TrustSettings(null, null, sha1Looking, false, SOURCE));
        assertTrue(message.contains("holds characters other than hex digits"), message);
    }

    @Test
    void aFingerprintWithColonsSpacesOrLowerCaseIsAccepted() throws Exception {
        String spaced = certificate.fingerprint().replace(":", " ").toLowerCase(Locale.ROOT);
        assertDoesNotThrow(() -> TrustInputs.check(new TrustSettings(null, null, spaced, false, SOURCE)));
        assertEquals(
                certificate.fingerprint().replace(":", ""),
                TrustInputs.pinnedFingerprint(new TrustSettings(null, null, spaced, false, SOURCE)));
    }

    @Test
    void aTrustStoreIsReadOnceUntilItChangesOnDisk() throws Exception {
        Path store = pkcs12();
        TrustSettings trust = new TrustSettings(store, "changeit", null, false, SOURCE);
        TlsSetup.TrustManagers managers = new TlsSetup.TrustManagers();

        X509ExtendedTrustManager first = managers.of(trust);
        assertSame(first, managers.of(trust));
        assertEquals(1, managers.loads());

        SelfSignedCertificate.forLocalhost().writeTrustStore(store);
        Files.setLastModifiedTime(store, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));

        assertNotSame(first, managers.of(trust));
        assertEquals(2, managers.loads(), "a trust store replaced on disk is read again");
    }
}
