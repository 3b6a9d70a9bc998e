package io.github.lxca.simulator;

import io.github.lxca.client.Fingerprints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed server certificate for localhost, like LXCA's own: made fresh, or kept in a key store. Or,
 * made by {@link CertificateAuthority#issue}, a server certificate with the chain up to the CA that signed it,
 * as an LXCA whose certificate an enterprise CA signed presents it.
 */
public final class SelfSignedCertificate {
    public static final String STORE_PASSWORD = "changeit";

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    /** The certificate, then the certificates of its issuers, as the server sends them. */
    private final X509Certificate[] chain;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this(keyPair, new X509Certificate[] {certificate});
    }

    SelfSignedCertificate(KeyPair keyPair, X509Certificate[] chain) {
        this.keyPair = keyPair;
        this.certificate = chain[0];
        this.chain = chain.clone();
    }

    public static SelfSignedCertificate forLocalhost() {
        return forHost("localhost", InetAddress.getLoopbackAddress().getHostAddress());
    }

    /** For one DNS name and, if given, one IP address (a certificate for another host names neither of ours). */
    public static SelfSignedCertificate forHost(String dnsName, String ipAddress) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + dnsName + ", O=LXCA simulator");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    name,
                    keyPair.getPublic());
            GeneralName[] names = ipAddress == null
                    ? new GeneralName[] {new GeneralName(GeneralName.dNSName, dnsName)}
                    : new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, dnsName), new GeneralName(GeneralName.iPAddress, ipAddress)
                    };
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a self-signed certificate", e);
        }
    }

    /**
     * The certificate kept in {@code keyStoreFile} (PKCS12, password {@link #STORE_PASSWORD}), or a new one
     * written there, so that a simulator restarted on the same folder keeps its fingerprint and a pinned
     * fingerprint or an imported trust store goes on working.
     */
    public static SelfSignedCertificate keptIn(Path keyStoreFile) throws IOException {
        try {
            if (Files.isRegularFile(keyStoreFile)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStoreFile)) {
                    store.load(in, STORE_PASSWORD.toCharArray());
                }
                X509Certificate certificate = (X509Certificate) store.getCertificate("lxca");
                PrivateKey key = (PrivateKey) store.getKey("lxca", STORE_PASSWORD.toCharArray());
                if (certificate != null
                        && key != null
                        && certificate.getNotAfter().toInstant().isAfter(Instant.now())) {
                    return new SelfSignedCertificate(new KeyPair(certificate.getPublicKey(), key), certificate);
                }
            }
            SelfSignedCertificate fresh = forLocalhost();
            Files.createDirectories(keyStoreFile.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(keyStoreFile)) {
                fresh.keyStore().store(out, STORE_PASSWORD.toCharArray());
            }
            return fresh;
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "Cannot read or write the simulator's key store " + keyStoreFile + ": " + e.getMessage(), e);
        }
    }

    /** A key store holding the private key and certificate, for the server side. */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("lxca", keyPair.getPrivate(), STORE_PASSWORD.toCharArray(), chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PKCS12 trust store holding only the certificate, as a client would configure it. */
    public Path writeTrustStore(Path file) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("lxca", certificate);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Writes a PKCS12 trust store holding each of the certificates, one entry each: one trust store for a fleet. */
    public static Path writeTrustStore(Path file, List<SelfSignedCertificate> certificates) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int index = 0; index < certificates.size(); index++) {
                store.setCertificateEntry("lxca-" + (index + 1), certificates.get(index).certificate);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Writes the certificate alone as PEM, for clients such as curl ({@code --cacert}). */
    public Path writePem(Path file) throws IOException {
        try {
            String base64 = java.util.Base64.getMimeEncoder(
                            64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The server certificate itself. */
    public X509Certificate certificate() {
        return certificate;
    }

    public String fingerprint() {
        return Fingerprints.sha256(certificate);
    }
}
