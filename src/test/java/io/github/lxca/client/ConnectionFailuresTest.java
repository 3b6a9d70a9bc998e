package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.lxca.testing.RecordingLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a request that got no reply becomes, for each way it can fail, with the engines' own words where no typed
 * exception tells the cause (the TLS version refusal): the headline, the "What to do", and whether a probe while LXCA
 * restarts reads it as lasting (a refusal) or as LXCA being away. The handshakes that throw these for real are in
 * {@code TrustDecisionsTest}.
 */
class ConnectionFailuresTest {
    private ErrorTranslator errors;

    @BeforeEach
    void translator() throws Exception {
        TrustSettings insecure = new TrustSettings(null, null, null, true, null);
        errors = new ErrorTranslator(
                new ConnectionSettings(
                        URI.create("https://lxca.example.com:8443"),
                        new Credentials("u", "p", "the test"),
                        insecure,
                        null,
                        Duration.ofSeconds(7),
                        Duration.ofSeconds(30),
                        0),
                TlsSetup.of(insecure, new RecordingLog()));
    }

    private LxcaException failure(IOException e, int attempts) {
        return errors.connectionFailure(e, "log in", null, attempts);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Received fatal alert: protocol_version",
                "The server selected protocol version TLS10 which is not enabled",
                "error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL",
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)"
            })
    void eachEnginesWordsForAnOldTlsVersionAreTheVersionRefusal(String words) {
        for (SSLException e : new SSLException[] {
            new SSLException(words),
            new SSLHandshakeException(words),
            new SSLException("handshake", new IOException(words))
        }) {
            LxcaException failure = failure(e, 1);

            assertInstanceOf(LxcaCertificateException.class, failure);
            assertEquals(
                    "LXCA at lxca.example.com:8443 offers no TLS version the plugin accepts: the plugin speaks TLS 1.2"
                            + " and 1.3 only, and the server offered an older one (TLS 1.0 or 1.1, or SSL); nothing"
                            + " was sent",
                    failure.getMessage());
            assertEquals(WhatToDo.ENABLE_TLS_1_2, failure.whatToDo());
            assertEquals(Probe.Kind.REFUSED, errors.probe(e, "log in", null).kind(), words);
        }
    }

    @Test
    void anyOtherTlsFailureShowsTheFirstLineOfTheEnginesWordsAndIsAwayForAProbe() {
        SSLException broken = new SSLException("Unsupported or unrecognized SSL message\nerror stack: ...");

        assertEquals(
                "The TLS handshake with lxca.example.com:8443 failed: Unsupported or unrecognized SSL message",
                failure(broken, 1).getMessage());
        assertEquals(WhatToDo.POINT_AT_THE_HTTPS_PORT, failure(broken, 1).whatToDo());
        assertEquals(
                "The TLS handshake with lxca.example.com:8443 failed: (no detail)",
                failure(new SSLException((String) null), 1).getMessage());
        assertEquals(
                "The TLS handshake with lxca.example.com:8443 failed: ",
                failure(new SSLException("\nerror stack only"), 1).getMessage(),
                "only the first line, even when it is empty");
        assertEquals(
                Probe.away("The TLS handshake with lxca.example.com:8443 failed: Unsupported or unrecognized SSL"
                        + " message"),
                errors.probe(broken, "log in", null));
        assertEquals(
                Probe.Kind.AWAY,
                errors.probe(new SSLHandshakeException("Remote host terminated the handshake"), "log in", null)
                        .kind(),
                "a handshake that broke off without a certificate refused");
    }

    @Test
    void aCertificateForAnotherHostAndAnUnknownHostAreLasting() {
        SSLPeerUnverifiedException otherHost = new SSLPeerUnverifiedException("Certificate for <x> doesn't match");
        assertEquals(
                "The TLS certificate of lxca.example.com:8443 does not name that host: Certificate for <x> doesn't"
                        + " match",
                failure(otherHost, 1).getMessage());
        assertEquals(Probe.Kind.REFUSED, errors.probe(otherHost, "log in", null).kind());

        UnknownHostException unknown = new UnknownHostException("lxca.example.com");
        assertEquals(
                "Cannot resolve the LXCA host name lxca.example.com",
                failure(unknown, 1).getMessage());
        assertEquals(WhatToDo.CHECK_THE_HOST_AND_DNS, failure(unknown, 1).whatToDo());
        assertEquals(Probe.Kind.REFUSED, errors.probe(unknown, "log in", null).kind());
    }

    @Test
    void aConnectionThatCouldNotBeMadeSaysWhyAndHowOftenItWasTried() {
        assertEquals(
                "Timed out connecting to LXCA at lxca.example.com:8443 after 7 s (2 attempts)",
                failure(new ConnectTimeoutException("connect timed out"), 2).getMessage());
        assertEquals(
                WhatToDo.CHECK_FOR_A_FIREWALL,
                failure(new ConnectTimeoutException("connect timed out"), 1).whatToDo());
        assertEquals(
                "Cannot connect to LXCA at lxca.example.com:8443: connection refused",
                failure(new ConnectException("Connection refused"), 1).getMessage());
        assertEquals(
                Probe.away("Cannot connect to LXCA at lxca.example.com:8443: connection refused"),
                errors.probe(new ConnectException("Connection refused"), "log in", null));
    }

    @Test
    void aCallPastItsDeadlineSaysWhetherItWasSendingOrWaiting() {
        assertEquals(
                "LXCA at lxca.example.com:8443 accepted no byte for 3 s while trying to log in",
                failure(new CallDeadline.Passed(Duration.ofSeconds(3), true), 1).getMessage());
        LxcaException waiting = failure(new CallDeadline.Passed(Duration.ofSeconds(3), false), 1);
        assertEquals(
                "LXCA at lxca.example.com:8443 did not answer within 3 s when asked to log in", waiting.getMessage());
        assertEquals(WhatToDo.RAISE_THE_READ_TIMEOUT, waiting.whatToDo());
    }

    @Test
    void anyOtherBreakNamesItsTypeAndMessage() {
        assertEquals(
                "The connection to LXCA at lxca.example.com:8443 broke while trying to log in: IOException"
                        + " (Connection reset)",
                failure(new IOException("Connection reset"), 1).getMessage());
        LxcaException silent = failure(new IOException(), 3);
        assertEquals(
                "The connection to LXCA at lxca.example.com:8443 broke while trying to log in: IOException (3"
                        + " attempts)",
                silent.getMessage());
        assertEquals(WhatToDo.CHECK_THE_NETWORK, silent.whatToDo());
    }

    @Test
    void aFileChangedUnderTheUploadIsItsOwnKind() {
        LxcaException changed = errors.connectionFailure(
                new UploadFileBody.FileChangedException("a.tgz changed during the upload"),
                "upload the update files",
                "9",
                1);

        assertEquals(LxcaFailureException.Kind.UPLOAD_SOURCE_CHANGED, ((LxcaFailureException) changed).kind());
        assertEquals("a.tgz changed during the upload", changed.getMessage());
        assertEquals("9", changed.jobId().orElseThrow());
        assertEquals(WhatToDo.KEEP_THE_FOLDER_STILL_DURING_THE_UPLOAD, changed.whatToDo());
    }

    @Test
    void aLoginProbeReadsATlsFailureAsTheOtherProbesDo() {
        IOException[] failures = {
            new SSLHandshakeException("Remote host terminated the handshake"),
            new SSLException("Unsupported or unrecognized SSL message"),
            new SSLException("Received fatal alert: protocol_version"),
            new SSLPeerUnverifiedException("Certificate for <x> doesn't match"),
            new ConnectException("Connection refused")
        };
        for (IOException e : failures) {
            Probe<Void> login = ErrorTranslator.probe(failure(e, 1));

            assertEquals(errors.probe(e, "log in", null).kind(), login.kind(), e.getMessage());
            assertEquals(failure(e, 1).getMessage(), login.reason());
        }
        assertEquals(
                Probe.Kind.AWAY, ErrorTranslator.probe(failure(failures[0], 1)).kind(), "a handshake that broke off");
        LxcaCertificateException refusedCertificate = new LxcaCertificateException(
                "The TLS certificate of LXCA at x is not trusted", "AB:CD", null, new SSLHandshakeException("no"));
        assertEquals(
                Probe.Kind.REFUSED, ErrorTranslator.probe(refusedCertificate).kind());
        assertEquals(
                Probe.Kind.REFUSED,
                ErrorTranslator.probe(new LxcaCertificateException("no cause", null, null, null))
                        .kind());
    }
}
