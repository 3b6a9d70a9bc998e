package io.github.lxca.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 fingerprints of certificates, in the colon-separated form browsers and keytool show. */
public final class Fingerprints {
    private Fingerprints() {}

    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot compute a SHA-256 fingerprint", e);
        }
    }

    /** Upper-case hex without separators, for comparing with a configured fingerprint. */
    public static String compact(String fingerprint) {
        return fingerprint.replace(":", "");
    }
}
