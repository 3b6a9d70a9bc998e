package io.github.lxca.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Where a failed exchange with LXCA becomes a typed {@link LxcaException} with a headline and a
 * "What to do": the one place that decides it, for a refusing reply ({@link #requireSuccess}), a refused
 * login ({@link #loginRefused}), a reply that is not what the call expects ({@link #noJobId},
 * {@link #notATaskList}, {@link #taskMissing}, {@link #notJson}, {@link #noVersion}), or a network or TLS failure
 * ({@link #connectionFailure}). It also decides what a reply means where no failure is thrown: whether a best-effort
 * call was accepted ({@link #isSuccess}), and what a probe's reply or missing reply says while LXCA may be restarting
 * ({@code probe}: a JSON refusal is a refusal, never an answer; a lasting failure is told by its type).
 */
final class ErrorTranslator {
    private final ConnectionSettings settings;
    private final TlsSetup tls;

    ErrorTranslator(ConnectionSettings settings, TlsSetup tls) {
        this.settings = settings;
        this.tls = tls;
    }

    /**
     * Returns when the reply is a success: a 2xx HTTP status, and an envelope that does not say failure
     * (see {@link ReplyVerdict}); else throws LXCA's refusal.
     */
    static void requireSuccess(Reply reply, String operation, String jobId) throws LxcaRejectedException {
        if (reply.isSuccessStatus() && !reply.saysFailure()) {
            return;
        }
        List<LxcaMessage> messages = reply.messages();
        String headline = "LXCA refused to " + operation
                + (jobId == null || operation.contains(jobId) ? "" : " (job " + jobId + ")")
                + ": HTTP " + reply.status()
                + (reply.isRedirect() ? redirect(reply) : "")
                + (reply.isSuccessStatus() ? " with " + reply.verdict().describe() : "")
                + (messages.isEmpty() ? "; reply " + reply.excerpt() : "");
        throw new LxcaRejectedException(headline, reply.status(), jobId, messages, WhatToDo.forReply(reply));
    }

    /** What a redirect, which the plugin never follows, pointed to. */
    private static String redirect(Reply reply) {
        return ", a redirect " + reply.location().map(to -> "to " + to).orElse("without a Location") + ", not followed";
    }

    /**
     * As {@link #requireSuccess}, for the login, whose reply may hold the new session's id and CSRF token:
     * none of its body is ever shown, only the status and LXCA's messages.
     */
    static void requireLoginSuccess(Reply reply) throws LxcaRejectedException {
        if (reply.isSuccessStatus() && !reply.saysFailure()) {
            return;
        }
        throw new LxcaRejectedException(
                "LXCA refused to log in: HTTP " + reply.status()
                        + (reply.isSuccessStatus() ? " with " + reply.verdict().describe() : "")
                        + (reply.messages().isEmpty()
                                ? " (the reply is not shown: a login reply may hold session secrets)"
                                : ""),
                reply.status(),
                null,
                reply.messages(),
                WhatToDo.forReply(reply));
    }

    /**
     * The login was answered 2xx, but with no session in it: a body that is not JSON (a portal's or proxy's page),
     * or neither a session cookie nor a CSRF token. Nothing else is sent with it.
     */
    static LxcaProtocolException noSession(Reply reply, Credentials credentials) {
        String what = reply.json() == null
                ? "a body that is not JSON: " + reply.excerpt()
                : "neither a session cookie (" + LxcaClient.SESSION_COOKIE + ") nor a CSRF token";
        return new LxcaProtocolException(
                "LXCA's reply to the log-in of user '" + credentials.username() + "' holds no session: HTTP "
                        + reply.status() + " with " + what + "; nothing else was sent",
                null,
                reply.messages(),
                WhatToDo.POINT_AT_LXCA_NOT_A_PROXY_PAGE,
                null);
    }

    /** LXCA accepted the import job, but its reply names no job id. */
    static LxcaProtocolException noJobId(Reply reply) {
        return new LxcaProtocolException(
                "LXCA accepted the import job (HTTP " + reply.status() + ") but its reply names no job id: "
                        + reply.excerpt(),
                null,
                reply.messages(),
                WhatToDo.POINT_AT_LXCA_NOT_A_PROXY_PAGE,
                null);
    }

    /** A task read answered with something that is no task or list of tasks. */
    static LxcaProtocolException notATaskList(Reply reply, String operation, String jobId) {
        return new LxcaProtocolException(
                "LXCA's reply to " + operation + " is not a task list (HTTP " + reply.status() + "): "
                        + reply.excerpt(),
                jobId,
                List.of(),
                null,
                null);
    }

    /** A task list without the job that was asked for. */
    static LxcaProtocolException taskMissing(Reply reply, String jobId) {
        return new LxcaProtocolException(
                "LXCA's task list does not contain job " + jobId + ": " + reply.excerpt(),
                jobId,
                List.of(),
                null,
                null);
    }

    /** A reply that had to be JSON, such as the repository listing, and is not. */
    static LxcaProtocolException notJson(Reply reply, String operation) {
        return new LxcaProtocolException(
                "LXCA's reply to " + operation + " is not JSON (HTTP " + reply.status() + "): " + reply.excerpt(),
                null,
                List.of(),
                null,
                null);
    }

    /** LXCA turned down the user name or password (HTTP 401 or 403 to the login). */
    static LxcaFailureException loginRefused(Reply reply, Credentials credentials) {
        return new LxcaFailureException(
                LxcaFailureException.Kind.AUTHENTICATION,
                "LXCA rejected the user name or password of user '" + credentials.username() + "' (HTTP "
                        + reply.status() + ")",
                null,
                reply.messages(),
                WhatToDo.checkTheCredentialsFrom(credentials.source()),
                null);
    }

    /** The login worked, but LXCA wants the password changed before the account may be used. */
    static LxcaFailureException passwordChangeRequired(Reply reply, Credentials credentials) {
        return new LxcaFailureException(
                LxcaFailureException.Kind.AUTHENTICATION,
                "LXCA requires user '" + credentials.username() + "' to change its password before it can be used",
                null,
                reply.messages(),
                WhatToDo.changeThePasswordThenUpdate(credentials.source()),
                null);
    }

    /** Whether LXCA accepted the call: a 2xx status, and an envelope that does not say failure. */
    static boolean isSuccess(Reply reply) {
        return reply.isSuccessStatus() && !reply.saysFailure();
    }

    /** As {@link #requireSuccess}, for a delete: an update that is not there (404) is as good as deleted. */
    static void requireDeleted(Reply reply, String operation) throws LxcaRejectedException {
        if (reply.status() != 404) {
            requireSuccess(reply, operation, null);
        }
    }

    /** A reply to the version read that names no version. */
    static LxcaProtocolException noVersion(Reply reply, String operation, String request) {
        return new LxcaProtocolException(
                "LXCA's reply to " + operation + " names no version (HTTP " + reply.status() + "): " + reply.excerpt(),
                null,
                reply.messages(),
                "check that this LXCA version answers GET " + request,
                null);
    }

    /**
     * What a probe's reply means while LXCA may be restarting: the reply itself when LXCA answered the call; else
     * LXCA being away (502/503/504, a page that is not LXCA's JSON), a session it forgot (401/403), a resource it
     * does not know (404), or its refusal (any other error, or a JSON envelope that says failure).
     */
    static Probe<Reply> probe(Reply reply, String operation, String jobId) {
        int status = reply.status();
        if (status >= 502 && status <= 504) {
            return Probe.away("HTTP " + status + (reply.json() == null ? " " + reply.excerpt() : ""));
        }
        if (status == 401 || status == 403) {
            return Probe.sessionGone("HTTP " + status);
        }
        if (status == 404) {
            return Probe.notFound("HTTP 404");
        }
        if (reply.json() == null) {
            return Probe.away("HTTP " + status + " with a page that is not LXCA's JSON: " + reply.excerpt());
        }
        try {
            requireSuccess(reply, operation, jobId);
            return Probe.answered(reply);
        } catch (LxcaRejectedException e) {
            return Probe.refused(e);
        }
    }

    /**
     * What a probe that got no reply means: a failure a restart does not explain (an unknown host, a certificate
     * that is not trusted or names another host, a TLS version the plugin does not speak) is a refusal; anything
     * else (refused, reset, timed out, a handshake that broke off) is LXCA being away.
     */
    <T> Probe<T> probe(IOException e, String operation, String jobId) {
        LxcaException failure = connectionFailure(e, operation, jobId, 1);
        boolean lasting = e instanceof UnknownHostException
                || e instanceof SSLPeerUnverifiedException
                || e instanceof SSLHandshakeException && tls.rejection(settings.host(), e) != null
                || e instanceof SSLException && isProtocolVersionRefusal(e);
        return lasting ? Probe.refused(failure) : Probe.away(failure.getMessage());
    }

    /**
     * What a failed login probe means: no connection, a TLS handshake that broke off (as {@code probe} of the other
     * calls reads it) or a passing status is LXCA being away, else a refusal.
     */
    static Probe<Void> probe(LxcaException e) {
        if (e instanceof LxcaConnectionException || isBrokenHandshake(e)) {
            return Probe.away(e.getMessage());
        }
        if (e instanceof LxcaRejectedException rejected && rejected.status() >= 502 && rejected.status() <= 504) {
            return Probe.away("HTTP " + rejected.status());
        }
        return Probe.refused(e);
    }

    /**
     * A TLS failure that a restart explains: no certificate refused (no fingerprint), none naming another host, no old
     * TLS version offered; the same line {@code probe} draws for a call that got no reply.
     */
    private static boolean isBrokenHandshake(LxcaException e) {
        return e instanceof LxcaCertificateException certificate
                && certificate.fingerprint().isEmpty()
                && e.getCause() instanceof SSLException cause
                && !(cause instanceof SSLPeerUnverifiedException)
                && !isProtocolVersionRefusal(cause);
    }

    /** The client logged out for good (the build is being stopped) and is asked to open a session again. */
    static LxcaConnectionException loggedOutForGood(ConnectionSettings settings) {
        return new LxcaConnectionException(
                "Logged out of LXCA at " + settings.host() + " already (the build is being stopped); not logging in"
                        + " again",
                null,
                List.of(),
                WhatToDo.RUN_AGAIN_ONCE_STOPPED,
                null);
    }

    /** The exception for a request that got no reply, after {@code attempts} tries. */
    LxcaException connectionFailure(IOException e, String operation, String jobId, int attempts) {
        String host = settings.host();
        if (e instanceof UploadFileBody.FileChangedException) {
            return new LxcaFailureException(
                    LxcaFailureException.Kind.UPLOAD_SOURCE_CHANGED,
                    e.getMessage(),
                    jobId,
                    List.of(),
                    WhatToDo.KEEP_THE_FOLDER_STILL_DURING_THE_UPLOAD,
                    e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new LxcaCertificateException(
                    "The TLS certificate of " + host + " does not name that host: " + e.getMessage(),
                    null,
                    WhatToDo.NAME_THE_CERTIFICATES_HOST,
                    e);
        }
        LxcaCertificateException rejected = tls.rejection(host, e);
        if (e instanceof SSLHandshakeException && rejected != null) {
            return rejected;
        }
        if (e instanceof SSLException && isProtocolVersionRefusal(e)) {
            return new LxcaCertificateException(
                    "LXCA at " + host + " offers no TLS version the plugin accepts: the plugin speaks TLS 1.2 and"
                            + " 1.3 only, and the server offered an older one (TLS 1.0 or 1.1, or SSL); nothing was"
                            + " sent",
                    null,
                    WhatToDo.ENABLE_TLS_1_2,
                    e);
        }
        if (e instanceof SSLException) {
            return new LxcaCertificateException(
                    "The TLS handshake with " + host + " failed: " + firstLine(e.getMessage()),
                    null,
                    WhatToDo.POINT_AT_THE_HTTPS_PORT,
                    e);
        }
        String headline;
        String suggestion;
        if (e instanceof UnknownHostException) {
            headline = "Cannot resolve the LXCA host name " + settings.baseUri().getHost();
            suggestion = WhatToDo.CHECK_THE_HOST_AND_DNS;
        } else if (e instanceof ConnectTimeoutException) {
            headline = "Timed out connecting to LXCA at " + host + " after "
                    + settings.connectTimeout().toSeconds() + " s";
            suggestion = WhatToDo.CHECK_FOR_A_FIREWALL;
        } else if (e instanceof ConnectException) {
            headline = "Cannot connect to LXCA at " + host + ": connection refused";
            suggestion = WhatToDo.CHECK_THE_HOST_AND_PORT;
        } else if (e instanceof CallDeadline.Passed passed) {
            headline = passed.whileSending()
                    ? "LXCA at " + host + " accepted no byte for "
                            + passed.limit().toSeconds() + " s while trying to " + operation
                    : "LXCA at " + host + " did not answer within "
                            + passed.limit().toSeconds() + " s when asked to " + operation;
            suggestion = WhatToDo.RAISE_THE_READ_TIMEOUT;

        } else {
            headline = "The connection to LXCA at " + host + " broke while trying to " + operation + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
            suggestion = WhatToDo.CHECK_THE_NETWORK;
        }
        return new LxcaConnectionException(
                headline + (attempts > 1 ? " (" + attempts + " attempts)" : ""), jobId, List.of(), suggestion, e);
    }

    /**
     * Whether a handshake failed on the protocol version: the JDK's TLS says that the server selected a version
     * it does not accept, or that no protocol is appropriate, and Conscrypt (BoringSSL) names
     * {@code UNSUPPORTED_PROTOCOL} or the {@code protocol_version} alert. The words are the engines' own: there is
     * no typed exception for it.
     */
    private static boolean isProtocolVersionRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("protocol version")
                    || message.contains("protocol_version")
                    || message.contains("unsupported_protocol")
                    || message.contains("no appropriate protocol")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of an engine's message: BoringSSL's add the library's error stack below it. */
    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
