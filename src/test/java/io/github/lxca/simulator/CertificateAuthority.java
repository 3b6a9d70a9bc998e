package io.github.lxca.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority, as an enterprise runs one to sign its servers' certificates: a CA
 * certificate that a trust store holds, and server certificates it issues whose chain ends at it (so that,
 * unlike a self-signed certificate, the server's own certificate is not the trust anchor and the client's
 * trust check walks the chain).
 */
public final class CertificateAuthority {
    private static final SecureRandom SERIALS = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A new CA named {@code CN=<commonName>,O=LXCA simulator}, valid from yesterday for ten years. */
    public static CertificateAuthority create(String commonName) {
        try {
            KeyPair keyPair = newKeyPair();
            X500Name name = new X500Name("O=LXCA simulator, CN=" + commonName);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(64, SERIALS),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))),
                    name,
                    keyPair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new CertificateAuthority(keyPair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a CA certificate", e);
        }
    }

    /** A server certificate for localhost and 127.0.0.1, valid from yesterday for a year. */
    public SelfSignedCertificate issueForLocalhost() {
        Instant now = Instant.now();
        return issue(List.of("localhost"), "127.0.0.1", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /**
     * A server certificate for these DNS names and, if not null, this IP address, valid between the two
     * instants, with the server's usages (digital signature, TLS server authentication); the returned key
     * store holds it with this CA's certificate as its chain.
     */
    public SelfSignedCertificate issue(List<String> dnsNames, String ipAddress, Instant notBefore, Instant notAfter) {
        try {
            KeyPair serverKeys = newKeyPair();
            X500Name subject = new X500Name("O=LXCA simulator, CN=" + dnsNames.get(0));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    certificate,
                    new BigInteger(64, SERIALS),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    serverKeys.getPublic());
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
            if (ipAddress != null) {
                names.add(new GeneralName(GeneralName.iPAddress, ipAddress));
            }
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate issued = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new SelfSignedCertificate(serverKeys, new X509Certificate[] {issued, certificate});
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a server certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Writes a PKCS12 trust store (password {@code changeit}) holding only this CA's certificate. */
    public Path writeTrustStore(Path file) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("lxca-ca", certificate);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, SelfSignedCertificate.STORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Writes this CA's certificate as PEM, for curl's {@code --cacert} or keytool's {@code -importcert}. */
    public Path writePem(Path file) throws IOException {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
