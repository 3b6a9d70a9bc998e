package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.client.Call.Retry;
import io.github.lxca.client.Call.Session;
import io.github.lxca.update.UpdateFile;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The LXCA API calls of an import, over one HTTP client and one session: log in, create an import job,
 * upload the files, read the job's task, list and delete repository updates, cancel a job, log out. One instance
 * per run, used by one thread, except that {@link #logout()}, {@link #cancelJobOnce} and {@link #close()} may be
 * called from another (the Ctrl-C hook) at the same time. {@link #close()} logs out when a session is open.
 *
 * <p>Its parts: {@link HttpTransport} sends a request, {@link RetryLoop} repeats a {@link Call} when that
 * is safe, {@link ErrorTranslator} turns a failure into a typed exception, {@link UploadBody} is the upload,
 * {@link RepositoryListing} reads the repository.
 */
public final class LxcaClient implements AutoCloseable {
    static final String CSRF_HEADER = "X-Csrf-Token";
    /** LXCA's session cookie. */
    static final String SESSION_COOKIE = "JSESSIONID";

    private static final Duration LOGOUT_TIMEOUT = Duration.ofSeconds(10);
    /** A task poll is a small read; a longer read timeout is for the upload's reply. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(60);
    /** While LXCA restarts, a probe that gets no reply soon is one more sign that it is away. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private static final List<String> UPDATES = List.of("managementServer", "updates");
    private static final String CURRENT_VERSION = "/managementServer/updates?key=currentVersion";

    private final ConnectionSettings settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpTransport http;
    private final RetryLoop retryLoop;
    private final ErrorTranslator errors;
    private final LxcaLog log;
    /**
     * Guards the session's state ({@link #csrfToken}, {@link #loggedIn}, {@link #ended}): the Ctrl-C hook logs out
     * from its own thread while the build's thread may still be calling. Never held while waiting for LXCA, except by
     * {@link #logout()}, whose wait is bounded (10 s), so that {@link #close()} closes the HTTP client only after a
     * logout under way on the other thread has ended.
     */
    private final ReentrantLock session = new ReentrantLock();

    private volatile String csrfToken;
    private volatile boolean loggedIn;
    /** Logged out for good (by {@link #logout()} or {@link #close()}): no new session is opened after it. */
    private volatile boolean ended;

    private LxcaClient(ConnectionSettings settings, TlsSetup tls, LxcaLog log, RetryPolicy retry) {
        this.settings = settings;
        ServerText.secret(settings.credentials().password());
        if (settings.proxy() != null) {
            ServerText.secret(settings.proxy().password());
        }
        this.log = log;
        this.http = new HttpTransport(settings, tls, log, mapper);
        this.errors = new ErrorTranslator(settings, tls);
        this.retryLoop = new RetryLoop(retry, log, errors);
    }

    /**
     * @param log gets each retry at INFO, and one DEBUG line per request (method, path, status, time;
     *     never a header or a body)
     */
    public static LxcaClient open(ConnectionSettings settings, LxcaLog log, RetryPolicy retry)
            throws LxcaConfigurationException {
        return new LxcaClient(settings, TlsSetup.of(settings.trust(), log), log, retry);
    }

    /** With a TLS set up by the caller: tests pick each TLS engine the plugin may use. */
    static LxcaClient open(ConnectionSettings settings, TlsSetup tls, LxcaLog log, RetryPolicy retry) {
        return new LxcaClient(settings, tls, log, retry);
    }

    public static LxcaClient open(ConnectionSettings settings, LxcaLog log) throws LxcaConfigurationException {
        return open(settings, log, RetryPolicy.standard(settings.retries()));
    }

    /** How often a call that failed for a passing reason is made again. */
    public int retries() {
        return retryLoop.retries();
    }

    /**
     * Opens a session ({@code POST /sessions}) and keeps its cookie and CSRF token. It logs in as a new client
     * would, as Lenovo's does: without the cookies or the CSRF token of an earlier session (LXCA may have forgotten
     * it in a restart; what it does with a stale one is unknown).
     */
    public void login() throws LxcaException {
        login(Retry.SAFE, settings.readTimeout());
    }

    /**
     * @param limit how long the reply may take (a probe while LXCA restarts gets a short one)
     */
    private void login(Retry retry, Duration limit) throws LxcaException {
        requireNotEnded();
        csrfToken = null;
        http.clearCookies();
        Credentials credentials = settings.credentials();
        ObjectNode body =
                mapper.createObjectNode().put("UserId", credentials.username()).put("password", credentials.password());
        Reply reply = exchange("log in", null, retry, Session.NONE, () -> {
            HttpPost post = new HttpPost(http.url(List.of("sessions")));
            post.setHeader(HttpHeaders.REFERER, http.url(List.of("sessions")).toString());
            post.setEntity(json(body));
            return http.within(limit, post);
        });
        http.cookie(SESSION_COOKIE).ifPresent(ServerText::secret);
        http.cookie("csrf").ifPresent(ServerText::secret);
        if (reply.status() == 401 || reply.status() == 403) {
            throw ErrorTranslator.loginRefused(reply, credentials);
        }
        ErrorTranslator.requireLoginSuccess(reply);
        JsonNode session =
                Optional.ofNullable(reply.json()).map(j -> j.path("response")).orElse(null);
        String fromBody = session == null ? null : JsonFields.secretText(session.path("session"), "csrf");
        ServerText.secret(fromBody);
        ServerText.secret(session == null ? null : JsonFields.secretText(session.path("session"), "id"));
        csrfToken = fromBody != null ? fromBody : http.cookie("csrf").orElse(null);
        if (reply.json() == null
                || csrfToken == null && http.cookie(SESSION_COOKIE).isEmpty()) {
            csrfToken = null;
            throw ErrorTranslator.noSession(reply, credentials);
        }
        this.session.lock();
        try {
            loggedIn = true;
            if (ended) {
                // logged out on the other thread (Ctrl-C) while this login was under way: this session ends too
                endSession();
                throw ErrorTranslator.loggedOutForGood(settings);
            }
        } finally {
            this.session.unlock();
        }
        if (session != null && session.path("pwChangeRequired").asBoolean(false)) {
            throw ErrorTranslator.passwordChangeRequired(reply, credentials);
        }
    }

    /** Creates an import job for these files, in this order, and returns its id. */
    public String createImportJob(List<UpdateFile> files) throws LxcaException {
        RequestBodies.CreateJob body = RequestBodies.CreateJob.of(files);
        Reply reply = exchange("create the import job", null, Retry.NEVER, Session.RENEW_ON_401, () -> {
            HttpPost post = new HttpPost(http.url(UPDATES, "action", "import"));
            post.setEntity(json(body));
            return post;
        });
        accept(reply, "create the import job", null);
        JsonNode json = reply.json();
        String jobId = json == null
                ? null
                : Optional.ofNullable(JsonFields.firstText(json, "jobid", "jobId", "taskid"))
                        .orElse(JsonFields.firstText(json.path("response"), "jobid", "jobId", "taskid"));
        if (jobId == null) {
            throw ErrorTranslator.noJobId(reply);
        }
        return JobIds.require(jobId, "create the import job");
    }

    /**
     * Uploads the files of a job as one multipart/form-data request ({@link UploadBody}), streamed from disk
     * with a known Content-Length.
     */
    public void upload(String jobId, List<UpdateFile> files, UploadListener listener) throws LxcaException {
        Reply reply = exchange("upload the update files", jobId, Retry.NEVER, Session.RENEW_ON_401, () -> {
            HttpPost post = new HttpPost(
                    http.url(List.of("files", "managementServer", "updates"), "action", "import", "jobid", jobId));
            post.setEntity(UploadBody.of(files, listener));
            return post;
        });
        accept(reply, "upload the update files", jobId);
    }

    /** Cancels a job ({@code PUT /tasks} with action cancel), e.g. one whose upload broke off. */
    public void cancelJob(String jobId) throws LxcaException {
        String operation = "cancel job " + jobId;
        RequestBodies.Cancel body = RequestBodies.Cancel.of(jobId);
        Reply reply = exchange(operation, jobId, Retry.SAFE, Session.RENEW_ON_401, () -> {
            HttpPut put = new HttpPut(http.url(List.of("tasks")));
            put.setEntity(json(body));
            return put;
        });
        accept(reply, operation, jobId);
    }

    /**
     * One quick attempt to cancel a job, for the Ctrl-C path: it waits at most 10 s, like logging out, and never
     * throws. Returns whether LXCA accepted it.
     */
    public boolean cancelJobOnce(String jobId) {
        RequestBodies.Cancel body = RequestBodies.Cancel.of(jobId);
        try {
            Reply reply = exchange("cancel job " + jobId, jobId, Retry.NEVER, Session.NONE, () -> {
                HttpPut put = new HttpPut(http.url(List.of("tasks")));
                put.setEntity(json(body));
                return http.within(LOGOUT_TIMEOUT, put);
            });
            return ErrorTranslator.isSuccess(reply);
        } catch (LxcaException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads the task of a job ({@code GET /tasks/{id}?includeChildren=true}, as Lenovo's Python client asks for it),
     * with its child tasks. Each attempt waits at most 60 s for the reply, so that an LXCA that stopped answering
     * cannot hold the build long past the task timeout.
     */
    public Task task(String jobId) throws LxcaException {
        return task(jobId, () -> Duration.ofDays(1));
    }

    /**
     * As {@link #task(String)}, retrying only while {@code left} (the time left to follow the job) is positive and
     * waiting no longer than it, so that following a job ends within its timeout plus one poll's deadline.
     */
    public Task task(String jobId, Supplier<Duration> left) throws LxcaException {
        String operation = "read the state of job " + jobId;
        requireNotEnded();
        Reply reply = retryLoop.exchange(
                new Call(
                        operation,
                        jobId,
                        Retry.SAFE,
                        Session.RENEW_ON_401,
                        () -> http.within(POLL_TIMEOUT, new HttpGet(taskUrl(jobId)))),
                this::send,
                () -> loggedIn,
                this::login,
                left);
        accept(reply, operation, jobId);
        return taskFrom(reply, operation, jobId);
    }

    /** A job's task with its child tasks, as Lenovo's Python client asks for it. */
    private URI taskUrl(String jobId) {
        return http.url(List.of("tasks", jobId), "includeChildren", "true");
    }

    private Task taskFrom(Reply reply, String operation, String jobId) throws LxcaProtocolException {
        JsonNode json = reply.json();
        JsonNode list = json != null && json.isArray()
                ? json
                : json != null && json.isObject() ? mapper.createArrayNode().add(json) : null;
        if (list == null) {
            throw ErrorTranslator.notATaskList(reply, operation, jobId);
        }
        for (JsonNode node : list) {
            Task task = Task.from(node);
            if (jobId.equals(task.id()) || (task.id() == null && list.size() == 1)) {
                return task;
            }
        }
        throw ErrorTranslator.taskMissing(reply, jobId);
    }

    /**
     * Every task LXCA lists ({@code GET /tasks}), or empty when it does not answer that with a task list: an LXCA
     * that does not must not stop an import that works without it.
     */
    public Optional<List<Task>> allTasks() throws LxcaException {
        String operation = "list LXCA's tasks";
        Reply reply = exchange(
                operation, null, Retry.SAFE, Session.RENEW_ON_401, () -> new HttpGet(http.url(List.of("tasks"))));
        JsonNode json = reply.json();
        if (!ErrorTranslator.isSuccess(reply) || json == null) {
            return Optional.empty();
        }
        JsonNode list = json.isArray() ? json : json.path("response");
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<Task> tasks = new ArrayList<>();
        list.forEach(node -> tasks.add(Task.from(node)));
        return Optional.of(tasks);
    }

    /** The fix ids in LXCA's management-server updates repository. */
    public Set<String> repositoryFixIds() throws LxcaException {
        String operation = "list the updates repository";
        Reply reply = exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "updates")));
        accept(reply, operation, null);
        if (reply.json() == null) {
            throw ErrorTranslator.notJson(reply, operation);
        }
        return RepositoryListing.fixIds(reply.json());
    }

    /**
     * The free bytes of the updates repository ({@code key=size}), or empty when LXCA does not say: an LXCA
     * that does not answer it (any refusal) must not stop an import that works without it.
     */
    public OptionalLong repositoryFreeBytes() throws LxcaException {
        Reply reply = exchange(
                "read the repository's free space",
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "size")));
        return ErrorTranslator.isSuccess(reply) ? RepositorySpace.freeBytes(reply.json()) : OptionalLong.empty();
    }

    /** Removes an update, with its metadata, from the repository. An update that is not there is fine. */
    public void deleteUpdate(String fixId) throws LxcaException {
        String operation = "delete " + fixId + " from the repository";
        Reply reply = exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpDelete(http.url(List.of("managementServer", "updates", fixId), "key", "removeMetadata")));
        ErrorTranslator.requireDeleted(reply, operation);
    }

    /** The version LXCA runs ({@code key=currentVersion}). */
    public String currentVersion() throws LxcaException {
        String operation = "read the version LXCA runs";
        Reply reply = exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "currentVersion")));
        accept(reply, operation, null);
        return ApplianceVersion.from(reply.json())
                .orElseThrow(() -> ErrorTranslator.noVersion(reply, operation, CURRENT_VERSION));
    }

    /** LXCA's history of applied updates ({@code key=history}); a reply that is not JSON is refused. */
    public List<UpdateHistoryEntry> updateHistory() throws LxcaException {
        String operation = "read LXCA's update history";
        Reply reply = exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "history")));
        accept(reply, operation, null);
        if (reply.json() == null) {
            throw ErrorTranslator.notJson(reply, operation);
        }
        return UpdateHistoryEntry.from(reply.json());
    }

    /**
     * Applies one update ({@code PUT /managementServer/updates?action=apply}); returns the job id when the reply
     * names one. Sent once, never again, not even after logging in again on a 401: a second apply of an update that
     * is being installed is not harmless.
     */
    public Optional<String> applyUpdate(String fixId) throws LxcaException {
        String operation = "apply " + fixId;
        RequestBodies.Apply body = RequestBodies.Apply.of(fixId);
        Reply reply = exchange(operation, null, Retry.NEVER, Session.NONE, () -> {
            HttpPut put = new HttpPut(http.url(UPDATES, "action", "apply"));
            put.setEntity(json(body));
            return put;
        });
        accept(reply, operation, null);
        JsonNode json = reply.json();
        String jobId = json == null
                ? null
                : Optional.ofNullable(JsonFields.firstText(json, "jobid", "jobId", "taskid"))
                        .orElse(JsonFields.firstText(json.path("response"), "jobid", "jobId", "taskid"));
        return jobId == null ? Optional.empty() : Optional.of(JobIds.require(jobId, operation));
    }

    /** One quiet login attempt, for an LXCA that may be restarting. */
    public Probe<Void> probeLogin() {
        return probeLogin(PROBE_TIMEOUT);
    }

    /**
     * One quiet login attempt within {@code left} (what is left of the caller's time), capped by the probe limit.
     */
    public Probe<Void> probeLogin(Duration left) {
        try {
            login(Retry.NEVER, probeLimit(left));
            return Probe.answered(null);
        } catch (LxcaException e) {
            return ErrorTranslator.probe(e);
        }
    }

    /**
     * One quiet attempt to read a job's task, for an LXCA that may be restarting, within {@code left} (what is left
     * of the caller's time) capped by the probe limit; likewise the other probes.
     */
    public Probe<Task> probeTask(String jobId, Duration left) {
        String operation = "read the state of job " + jobId;
        Probe<Reply> probe = probe(operation, jobId, left, () -> new HttpGet(taskUrl(jobId)));
        if (!probe.answered()) {
            return probe.unanswered();
        }
        try {
            return Probe.answered(taskFrom(probe.value(), operation, jobId));
        } catch (LxcaProtocolException e) {
            return Probe.refused(e);
        }
    }

    /** One quiet attempt to read the version LXCA runs; a reply without a version counts as LXCA being away. */
    public Probe<String> probeCurrentVersion(Duration left) {
        Probe<Reply> probe = probe(
                "read the version LXCA runs",
                null,
                left,
                () -> new HttpGet(http.url(UPDATES, "key", "currentVersion")));
        if (!probe.answered()) {
            return probe.unanswered();
        }
        return ApplianceVersion.from(probe.value().json())
                .map(Probe::answered)
                .orElseGet(() ->
                        Probe.away("a reply without a version: " + probe.value().excerpt()));
    }

    /** One quiet attempt to read LXCA's update history. */
    public Probe<List<UpdateHistoryEntry>> probeHistory(Duration left) {
        Probe<Reply> probe =
                probe("read LXCA's update history", null, left, () -> new HttpGet(http.url(UPDATES, "key", "history")));
        return probe.answered()
                ? Probe.answered(UpdateHistoryEntry.from(probe.value().json()))
                : probe.unanswered();
    }

    /** The probe limit, or what is left of the caller's time when that is shorter (at least a millisecond). */
    private static Duration probeLimit(Duration left) {
        return left.compareTo(PROBE_TIMEOUT) >= 0
                ? PROBE_TIMEOUT
                : left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    private Probe<Reply> probe(String operation, String jobId, Duration left, Supplier<HttpUriRequestBase> request) {
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

    /**
     * Returns when LXCA accepted the call, else throws its refusal. A reply whose {@code result} is
     * {@code warning} is accepted, as Lenovo documents it, and its messages are shown at WARN.
     */
    private void accept(Reply reply, String operation, String jobId) throws LxcaRejectedException {
        ErrorTranslator.requireSuccess(reply, operation, jobId);
        if (reply.verdict().isWarning()) {
            String messages = LxcaMessage.describeAll(reply.messages());
            log.warn("LXCA warns when trying to " + operation + ": "
                    + (messages.isEmpty() ? "result 'warning' without a message" : messages));
        }
    }

    /**
     * Ends the session, for good: no new session is opened after it. Never throws. One attempt with a short wait,
     * because it runs when the build is already failing or being stopped. Safe to call from another thread (the
     * Ctrl-C hook) while the build's thread uses the client: the session is ended once, whoever asks first, and a
     * caller that comes second returns once the first one's logout has ended.
     */
    public void logout() {
        session.lock();
        try {
            ended = true;
            endSession();
        } finally {
            session.unlock();
        }
    }

    /** Sends the logout of the open session, if one is open; the caller holds {@link #session}. */
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
                            () -> http.within(LOGOUT_TIMEOUT, new HttpDelete(http.url(List.of("sessions"))))),
                    this::send,
                    () -> false,
                    this::login);
        } catch (LxcaException | RuntimeException e) {
            // best effort: the build is failing or being stopped already, and LXCA ends idle sessions itself
        } finally {
            csrfToken = null;
        }
    }

    /** Logs out (see {@link #logout()}), then closes the HTTP client; safe beside the Ctrl-C hook's logout. */
    @Override
    public void close() {
        logout();
        http.close();
    }

    private Reply exchange(
            String operation, String jobId, Retry retry, Session session, Supplier<HttpUriRequestBase> request)
            throws LxcaException {
        requireNotEnded();
        return retryLoop.exchange(
                new Call(operation, jobId, retry, session, request), this::send, () -> loggedIn, this::login);
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

    private Reply send(Call call) throws IOException {
        HttpUriRequestBase request = call.request().get();
        if (csrfToken != null) {
            request.setHeader(CSRF_HEADER, csrfToken);
        }
        return http.send(request);
    }

    private ByteArrayEntity json(Object body) {
        try {
            return new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
