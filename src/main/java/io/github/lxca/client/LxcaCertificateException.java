package io.github.lxca.client;

import java.util.List;
import java.util.Optional;

/** The TLS certificate LXCA presented is not trusted, or does not name the host. */
public class LxcaCertificateException extends LxcaException {
    private final String fingerprint;

    public LxcaCertificateException(String headline, String fingerprint, String suggestion, Throwable cause) {
        super(headline, null, List.of(), suggestion, cause);
        this.fingerprint = fingerprint;
    }

    /** SHA-256 of the certificate the server presented, when the handshake got that far. */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.TRUST_THE_CERTIFICATE;
    }
}
