package io.github.lxca.maven;

import java.io.File;

/**
 * One LXCA of the {@code servers} parameter: its URL, a name for the log and the reports, and what to connect with
 * where it differs from the goal's values: the {@code settings.xml} server entry holding its credentials, the
 * certificate fingerprint to pin, the trust store and the environment variable holding that store's password.
 * Whatever an entry leaves out, the goal's parameter gives.
 */
public class LxcaServer {
    private String name;
    private String url;
    private String serverId;
    private String certificateFingerprint;
    private File trustStore;
    private String trustStorePasswordVariable;

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getServerId() {
        return serverId;
    }

    public String getCertificateFingerprint() {
        return certificateFingerprint;
    }

    public File getTrustStore() {
        return trustStore;
    }

    public String getTrustStorePasswordVariable() {
        return trustStorePasswordVariable;
    }

    /** For tests; Maven sets the fields from the pom directly. */
    LxcaServer with(String name, String url) {
        this.name = name;
        this.url = url;
        return this;
    }

    LxcaServer trusting(File store, String passwordVariable) {
        this.trustStore = store;
        this.trustStorePasswordVariable = passwordVariable;
        return this;
    }

    LxcaServer pinned(String fingerprint) {
        this.certificateFingerprint = fingerprint;
        return this;
    }
}
