package io.github.lxca.client;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which server certificates the client trusts. Exactly one mode applies, checked in this order (see
 * {@code TlsSetup}): a pinned SHA-256 fingerprint; else, when insecure, nothing checked at all (for labs
 * only), even if a trust store is set; else the JVM's trusted certificates plus those of an extra trust
 * store. {@code trustStorePasswordSource} says where the password was (or would have been) read from,
 * for messages; never the password itself.
 */
public record TrustSettings(
        Path trustStore,
        String trustStorePassword,
        String certificateFingerprint,
        boolean insecure,
        String trustStorePasswordSource) {
    static final String DEFAULT_PASSWORD_SOURCE =
            "-Dlxca.trustStorePassword or the environment variable LXCA_TRUSTSTORE_PASSWORD";

    public TrustSettings {
        trustStorePasswordSource =
                trustStorePasswordSource == null ? DEFAULT_PASSWORD_SOURCE : trustStorePasswordSource;
    }

    /**
     * The fingerprint as upper-case hex without separators, or null when none is pinned. It is not
     * checked here: {@link TrustInputs#check} refuses one that is not 64 hex digits.
     */
    public String normalizedFingerprint() {
        if (certificateFingerprint == null || certificateFingerprint.isBlank()) {
            return null;
        }
        return certificateFingerprint.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "TrustSettings[trustStore=" + trustStore + ", fingerprint=" + certificateFingerprint + ", insecure="
                + insecure + "]";
    }
}
