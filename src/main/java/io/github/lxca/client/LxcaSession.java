package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lxca.client.Call.Retry;
import io.github.lxca.client.Call.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The session with LXCA, and how every call goes through it: log in (cookie and CSRF token), send a {@link Call}
 * through the {@link RetryLoop} with the session's CSRF token, accept a reply or throw its refusal, send one quiet
 * probe, log out.
 *
 * <p>Safe across threads as far as the Ctrl-C hook needs: {@link #logout()} may run on the hook's thread while the
 * build's thread calls. The session's state is guarded by one lock, never held while waiting for LXCA, except by the
 * logout, whose wait is bounded (10 s); the session is ended once, whoever asks first, and once ended the build's
 * thread sends nothing more and opens no new session.
 */
final class LxcaSession {
    static final Duration LOGOUT_TIMEOUT = Duration.ofSeconds(10);
    /** While LXCA restarts, a probe that gets no reply soon is one more sign that it is away. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private final ConnectionSettings settings;
    private final HttpTransport http;
    private final RetryLoop retryLoop;
    private final ErrorTranslator errors;
    private final LxcaLog log;
    private final ObjectMapper mapper;
    private final ServerText.Secrets secrets;
    private final ReentrantLock lock = new ReentrantLock();
    /** How long the logout (and the Ctrl-C path's cancel) waits: {@link #LOGOUT_TIMEOUT}, shorter in tests. */
    private final Duration logoutTimeout;

    private volatile String csrfToken;
    private volatile boolean loggedIn;
    /** Logged out for good (by {@link #logout()}): no new session is opened after it. */
    private volatile boolean ended;

    LxcaSession(
            ConnectionSettings settings,
            HttpTransport http,
            RetryLoop retryLoop,
            ErrorTranslator errors,
            LxcaLog log,
            ObjectMapper mapper,
            ServerText.Secrets secrets,
            Duration logoutTimeout) {
        this.settings = settings;
        this.logoutTimeout = logoutTimeout;
        this.secrets = secrets;
        this.http = http;
        this.retryLoop = retryLoop;
        this.errors = errors;
        this.log = log;
        this.mapper = mapper;
    }

    HttpTransport http() {
        return http;
    }

    int retries() {
        return retryLoop.retries();
    }

    Duration logoutTimeout() {
        return logoutTimeout;
    }

    /**
     * Opens a session ({@code POST /sessions}) and keeps its cookie and CSRF token, as a new client would: without
     * the cookies or the CSRF token of an earlier session.
     *
     * @param limit how long the reply may take (a probe while LXCA restarts gets a short one)
     */
    void login(Retry retry, Duration limit) throws LxcaException {
        requireNotEnded();
        csrfToken = null;
        http.clearCookies();
        Credentials credentials = settings.credentials();
        JsonNode body =
                mapper.createObjectNode().put("UserId", credentials.username()).put("password", credentials.password());
        Reply reply = exchange("log in", null, retry, Session.NONE, () -> {
            HttpPost post = new HttpPost(http.url(List.of("sessions")));
            post.setHeader(HttpHeaders.REFERER, http.url(List.of("sessions")).toString());
            post.setEntity(json(body));
            return http.within(limit, post);
        });
        http.cookie(LxcaClient.SESSION_COOKIE).ifPresent(secrets::add);
        http.cookie("csrf").ifPresent(secrets::add);
        if (reply.status() == 401 || reply.status() == 403) {
            throw ErrorTranslator.loginRefused(reply, credentials);
        }
        ErrorTranslator.requireLoginSuccess(reply);
        JsonNode session =
                Optional.ofNullable(reply.json()).map(j -> j.path("response")).orElse(null);
        String fromBody = session == null ? null : JsonFields.secretText(session.path("session"), "csrf");
        secrets.add(fromBody);
        secrets.add(session == null ? null : JsonFields.secretText(session.path("session"), "id"));
        csrfToken = fromBody != null ? fromBody : http.cookie("csrf").orElse(null);
        if (reply.json() == null
                || csrfToken == null && http.cookie(LxcaClient.SESSION_COOKIE).isEmpty()) {
            csrfToken = null;
            throw ErrorTranslator.noSession(reply, credentials);
        }
        lock.lock();
        try {
            loggedIn = true;
            if (ended) {
                // logged out on the other thread (Ctrl-C) while this login was under way: this session ends too
                endSession();
                throw ErrorTranslator.loggedOutForGood(settings);
            }
        } finally {
            lock.unlock();
        }
        if (session != null && session.path("pwChangeRequired").asBoolean(false)) {
            throw ErrorTranslator.passwordChangeRequired(reply, credentials);
        }
    }

    /**
     * Ends the session, for good: no new session is opened after it. Never throws. One attempt with a short wait,
     * because it runs when the build is already failing or being stopped. A caller that comes second returns once
     * the first one's logout has ended.
     */
    void logout() {
        lock.lock();
        try {
            ended = true;
            endSession();
        } finally {
            lock.unlock();
        }
    }

    /** Sends the logout of the open session, if one is open; the caller holds {@link #lock}. */
    private void endSession() {
        if (!loggedIn) {
            return;
        }
        loggedIn = false;
        try {
            retryLoop.exchange(
                    new Call(
                            "log out",
                            null,
                            Retry.NEVER,
                            Session.NONE,
                            () -> http.within(logoutTimeout, new HttpDelete(http.url(List.of("sessions"))))),
                    this::send,
                    () -> false,
                    this::login);
        } catch (LxcaException | RuntimeException e) {
            // best effort: the build is failing or being stopped already, and LXCA ends idle sessions itself
        } finally {
            csrfToken = null;
        }
    }

    private void login() throws LxcaException {
        login(Retry.SAFE, settings.readTimeout());
    }

    /** One call, retried as its {@link Retry} allows, logging in again on a 401 as its {@link Session} allows. */
    Reply exchange(String operation, String jobId, Retry retry, Session session, Supplier<HttpUriRequestBase> request)
            throws LxcaException {
        requireNotEnded();
        return retryLoop.exchange(
                new Call(operation, jobId, retry, session, request), this::send, () -> loggedIn, this::login);
    }

    /** As {@link #exchange}, retrying only while {@code left} is positive and waiting no longer than it. */
    Reply exchange(Call call, Supplier<Duration> left) throws LxcaException {
        requireNotEnded();
        return retryLoop.exchange(call, this::send, () -> loggedIn, this::login, left);
    }

    /**
     * Once logged out for good (the Ctrl-C hook, on its thread), the build's thread sends nothing more: the session is
     * gone, and a call would only meet a 401.
     */
    private void requireNotEnded() throws LxcaConnectionException {
        if (ended) {
            throw ErrorTranslator.loggedOutForGood(settings);
        }
    }

    /**
     * Returns when LXCA accepted the call, else throws its refusal. A reply whose {@code result} is
     * {@code warning} is accepted, as Lenovo documents it, and its messages are shown at WARN.
     */
    void accept(Reply reply, String operation, String jobId) throws LxcaRejectedException {
        ErrorTranslator.requireSuccess(reply, operation, jobId);
        if (reply.verdict().isWarning()) {
            String messages = LxcaMessage.describeAll(reply.messages());
            log.warn("LXCA warns when trying to " + operation + ": "
                    + (messages.isEmpty() ? "result 'warning' without a message" : messages));
        }
    }

    /**
     * One quiet attempt, within {@code left} capped by the probe limit, whose outcome {@link ErrorTranslator} reads
     * as an answer, LXCA being away, a session it forgot, a resource it does not know, or a refusal.
     */
    Probe<Reply> probe(String operation, String jobId, Duration left, Supplier<HttpUriRequestBase> request) {
        Duration limit = probeLimit(left);
        Reply reply;
        try {
            reply = send(
                    new Call(operation, jobId, Retry.NEVER, Session.NONE, () -> http.within(limit, request.get())));
        } catch (IOException e) {
            return errors.probe(e, operation, jobId);
        }
        return ErrorTranslator.probe(reply, operation, jobId);
    }

    /** The probe limit, or what is left of the caller's time when that is shorter (at least a millisecond). */
    static Duration probeLimit(Duration left) {
        return left.compareTo(PROBE_TIMEOUT) >= 0
                ? PROBE_TIMEOUT
                : left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    private Reply send(Call call) throws IOException {
        HttpUriRequestBase request = call.request().get();
        String token = csrfToken;
        if (token != null) {
            request.setHeader(LxcaClient.CSRF_HEADER, token);
        }
        return http.send(request);
    }

    /** A request body bound by Jackson. */
    ByteArrayEntity json(Object body) {
        try {
            return new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
