package io.github.lxca.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the trust inputs before any connection is opened, so that each mistake is named with its
 * parameter and its value or path instead of surfacing later as a TLS error with the wrong advice.
 */
public final class TrustInputs {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-F]{64}");

    private TrustInputs() {}

    /** Refuses a malformed fingerprint, and a trust store that cannot be used with its password. */
    public static void check(TrustSettings trust) throws LxcaConfigurationException {
        pinnedFingerprint(trust);
        if (trust.trustStore() != null && trust.normalizedFingerprint() == null && !trust.insecure()) {
            TlsSetup.trustStoreManager(trust); // loads it once, and the clients of this trust setting reuse it
        }
    }

    /** The pinned fingerprint as 64 upper-case hex digits, or null when none is pinned. */
    static String pinnedFingerprint(TrustSettings trust) throws LxcaConfigurationException {
        String pinned = trust.normalizedFingerprint();
        if (pinned != null && !SHA256_HEX.matcher(pinned).matches()) {
            String problem = pinned.chars().anyMatch(c -> Character.digit(c, 16) < 0)
                    ? "it holds characters other than hex digits, colons and spaces"
                    : "it has " + pinned.length() + " hex digits";
            throw new LxcaConfigurationException(
                    "lxca.certificateFingerprint '" + trust.certificateFingerprint()
                            + "' is not a SHA-256 fingerprint: " + problem
                            + ", and one has 64 (colons and spaces between"
                            + " them are allowed)",
                    null,
                    List.of(),
                    WhatToDo.COPY_THE_WHOLE_FINGERPRINT,
                    null);
        }
        return pinned;
    }

    /** Loads the trust store, PKCS12 or JKS, telling a missing file, a wrong or missing password and a wrong format apart. */
    static KeyStore load(TrustSettings trust) throws LxcaConfigurationException {
        Path file = trust.trustStore();
        String where = "lxca.trustStore " + file.toAbsolutePath();
        if (!Files.exists(file)) {
            throw configuration(where + " does not exist", WhatToDo.CHECK_THE_TRUST_STORE_PATH);
        }
        if (!Files.isRegularFile(file)) {
            throw configuration(where + " is not a file", WhatToDo.NAME_THE_TRUST_STORE_FILE);
        }
        if (!Files.isReadable(file)) {
            throw configuration(where + " cannot be read by this user", WhatToDo.GIVE_READ_ACCESS);
        }
        String password = trust.trustStorePassword();
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
        } catch (KeyStoreException e) {
            throw configuration(
                    where + " is neither a PKCS12 nor a JKS trust store", WhatToDo.USE_A_PKCS12_OR_JKS_FILE);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw configuration(
                        "The trust store password is wrong for " + where + " (it was read from "
                                + trust.trustStorePasswordSource() + ")",
                        WhatToDo.giveTheTrustStorePasswordIn(trust.trustStorePasswordSource()));
            }
            throw configuration(where + " cannot be read: " + e.getMessage(), WhatToDo.CHECK_THE_TRUST_STORE_FILE);
        } catch (GeneralSecurityException e) {
            throw configuration(where + " cannot be read: " + e.getMessage(), WhatToDo.CHECK_THE_TRUST_STORE_FILE);
        }
        if (certificateCount(store) == 0) {
            if (password == null) {
                // PKCS12 keeps its certificates encrypted: without the password none can be read.
                throw configuration(
                        "No trust store password was given for " + where
                                + ", and without it no certificate in it can be read",
                        WhatToDo.SET_THE_TRUST_STORE_PASSWORD);
            }
            throw configuration(where + " holds no certificates", WhatToDo.IMPORT_THE_CERTIFICATE);
        }
        return store;
    }

    private static int certificateCount(KeyStore store) {
        try {
            int count = 0;
            for (String alias : Collections.list(store.aliases())) {
                count += store.isCertificateEntry(alias) || store.getCertificate(alias) != null ? 1 : 0;
            }
            return count;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("a loaded key store can always be listed", e);
        }
    }

    private static LxcaConfigurationException configuration(String headline, String whatToDo) {
        return new LxcaConfigurationException(headline, null, List.of(), whatToDo, null);
    }
}
