package io.github.lxca.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lxca.client.Call.Retry;
import io.github.lxca.update.UpdateFile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The LXCA API calls of an import and an apply, over one HTTP client and one session: log in, create an import job,
 * upload the files, read the job's task, list and delete repository updates, cancel a job, read the version and the
 * update history, apply an update, probe an LXCA that restarts, log out. One instance per run, used by one thread,
 * except that {@link #logout()}, {@link #cancelJobOnce} and {@link #close()} may be called from another (the Ctrl-C
 * hook) at the same time. {@link #close()} logs out when a session is open.
 *
 * <p>It owns the one {@link HttpTransport} and is the facade of its parts, by concern: {@link LxcaSession} (log in,
 * log out, the CSRF token, how a call is sent and accepted), {@link ImportCalls}, {@link RepositoryCalls},
 * {@link ApplianceCalls} and {@link Probes}. {@link RetryLoop} repeats a {@link Call} when that is safe,
 * {@link ErrorTranslator} decides what every reply or failure means, {@link RequestBodies} are the JSON bodies.
 */
public final class LxcaClient implements AutoCloseable {
    static final String CSRF_HEADER = "X-Csrf-Token";
    /** LXCA's session cookie. */
    static final String SESSION_COOKIE = "JSESSIONID";

    private final ConnectionSettings settings;
    private final HttpTransport http;
    private final LxcaSession session;
    private final ImportCalls imports;
    private final RepositoryCalls repository;
    private final ApplianceCalls appliance;
    private final Probes probes;
    /** The password(s) sent and the session's secrets, masked in server text until this client closes. */
    private final ServerText.Secrets secrets = new ServerText.Secrets();

    private LxcaClient(
            ConnectionSettings settings,
            TlsSetup tls,
            LxcaLog log,
            RetryPolicy retry,
            Duration pollTimeout,
            Duration logoutTimeout) {
        this.settings = settings;
        secrets.add(settings.credentials().password());
        if (settings.proxy() != null) {
            secrets.add(settings.proxy().password());
        }
        ObjectMapper mapper = new ObjectMapper();
        this.http = new HttpTransport(settings, tls, log, mapper);
        ErrorTranslator errors = new ErrorTranslator(settings, tls);
        this.session = new LxcaSession(
                settings, http, new RetryLoop(retry, log, errors), errors, log, mapper, secrets, logoutTimeout);
        this.imports = new ImportCalls(session, pollTimeout);
        this.repository = new RepositoryCalls(session);
        this.appliance = new ApplianceCalls(session);
        this.probes = new Probes(session);
    }

    /**
     * @param log gets each retry at INFO, and one DEBUG line per request (method, path, status, time;
     *     never a header or a body)
     */
    public static LxcaClient open(ConnectionSettings settings, LxcaLog log, RetryPolicy retry)
            throws LxcaConfigurationException {
        return new LxcaClient(
                settings,
                TlsSetup.of(settings.trust(), log),
                log,
                retry,
                ImportCalls.POLL_TIMEOUT,
                LxcaSession.LOGOUT_TIMEOUT);
    }

    /**
     * With the per-call bounds of a task poll and of the logout set by the caller (the defaults are 60 s and 10 s):
     * tests prove each bound against a trickling reply in seconds.
     */
    static LxcaClient open(ConnectionSettings settings, LxcaLog log, Duration pollTimeout, Duration logoutTimeout)
            throws LxcaConfigurationException {
        return new LxcaClient(
                settings,
                TlsSetup.of(settings.trust(), log),
                log,
                RetryPolicy.standard(settings.retries()),
                pollTimeout,
                logoutTimeout);
    }

    /** With a TLS set up by the caller: tests pick each TLS engine the plugin may use. */
    static LxcaClient open(ConnectionSettings settings, TlsSetup tls, LxcaLog log, RetryPolicy retry) {
        return new LxcaClient(settings, tls, log, retry, ImportCalls.POLL_TIMEOUT, LxcaSession.LOGOUT_TIMEOUT);
    }

    public static LxcaClient open(ConnectionSettings settings, LxcaLog log) throws LxcaConfigurationException {
        return open(settings, log, RetryPolicy.standard(settings.retries()));
    }

    /** How often a call that failed for a passing reason is made again. */
    public int retries() {
        return session.retries();
    }

    /**
     * Opens a session ({@code POST /sessions}) and keeps its cookie and CSRF token. It logs in as a new client
     * would, as Lenovo's does: without the cookies or the CSRF token of an earlier session (LXCA may have forgotten
     * it in a restart; what it does with a stale one is unknown).
     */
    public void login() throws LxcaException {
        session.login(Retry.SAFE, settings.readTimeout());
    }

    /** Creates an import job for these files, in this order, and returns its id. */
    public String createImportJob(List<UpdateFile> files) throws LxcaException {
        return imports.createImportJob(files);
    }

    /**
     * Uploads the files of a job as one multipart/form-data request ({@link UploadBody}), streamed from disk
     * with a known Content-Length.
     */
    public void upload(String jobId, List<UpdateFile> files, UploadListener listener) throws LxcaException {
        imports.upload(jobId, files, listener);
    }

    /** Cancels a job ({@code PUT /tasks} with action cancel), e.g. one whose upload broke off. */
    public void cancelJob(String jobId) throws LxcaException {
        imports.cancelJob(jobId);
    }

    /**
     * One quick attempt to cancel a job, for the Ctrl-C path: it waits at most 10 s, like logging out, and never
     * throws. Returns whether LXCA accepted it.
     */
    public boolean cancelJobOnce(String jobId) {
        return imports.cancelJobOnce(jobId);
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
        return imports.task(jobId, left);
    }

    /**
     * Every task LXCA lists ({@code GET /tasks}), or empty when it does not answer that with a task list: an LXCA
     * that does not must not stop an import that works without it.
     */
    public Optional<List<Task>> allTasks() throws LxcaException {
        return imports.allTasks();
    }

    /** The fix ids in LXCA's management-server updates repository; a refused listing is a failure, never empty. */
    public Set<String> repositoryFixIds() throws LxcaException {
        return repository.fixIds();
    }

    /**
     * The free bytes of the updates repository ({@code key=size}), or empty when LXCA does not say: an LXCA
     * that does not answer it (any refusal) must not stop an import that works without it.
     */
    public OptionalLong repositoryFreeBytes() throws LxcaException {
        return repository.freeBytes();
    }

    /** Removes an update, with its metadata, from the repository. An update that is not there is fine. */
    public void deleteUpdate(String fixId) throws LxcaException {
        repository.delete(fixId);
    }

    /** The version LXCA runs ({@code key=currentVersion}). */
    public String currentVersion() throws LxcaException {
        return appliance.currentVersion();
    }

    /** LXCA's history of applied updates ({@code key=history}); a reply that is not JSON is refused. */
    public List<UpdateHistoryEntry> updateHistory() throws LxcaException {
        return appliance.updateHistory();
    }

    /**
     * Applies one update ({@code PUT /managementServer/updates?action=apply}); returns the job id when the reply
     * names one. Sent once, never again, not even after logging in again on a 401: a second apply of an update that
     * is being installed is not harmless.
     */
    public Optional<String> applyUpdate(String fixId) throws LxcaException {
        return appliance.applyUpdate(fixId);
    }

    /** One quiet login attempt, for an LXCA that may be restarting. */
    public Probe<Void> probeLogin() {
        return probeLogin(LxcaSession.PROBE_TIMEOUT);
    }

    /**
     * One quiet login attempt within {@code left} (what is left of the caller's time), capped by the probe limit.
     */
    public Probe<Void> probeLogin(Duration left) {
        return probes.login(left);
    }

    /**
     * One quiet attempt to read a job's task, for an LXCA that may be restarting, within {@code left} (what is left
     * of the caller's time) capped by the probe limit; likewise the other probes. A JSON refusal is a refusal, never
     * an answer.
     */
    public Probe<Task> probeTask(String jobId, Duration left) {
        return probes.task(jobId, left);
    }

    /** One quiet attempt to read the version LXCA runs; a reply without a version counts as LXCA being away. */
    public Probe<String> probeCurrentVersion(Duration left) {
        return probes.currentVersion(left);
    }

    /** One quiet attempt to read LXCA's update history. */
    public Probe<List<UpdateHistoryEntry>> probeHistory(Duration left) {
        return probes.history(left);
    }

    /**
     * Ends the session, for good: no new session is opened after it. Never throws. One attempt with a short wait,
     * because it runs when the build is already failing or being stopped. Safe to call from another thread (the
     * Ctrl-C hook) while the build's thread uses the client: the session is ended once, whoever asks first, and a
     * caller that comes second returns once the first one's logout has ended.
     */
    public void logout() {
        session.logout();
    }

    /**
     * Logs out (see {@link #logout()}), then closes the HTTP client and forgets this client's secrets; safe beside the
     * Ctrl-C hook's logout.
     */
    @Override
    public void close() {
        session.logout();
        http.close();
        secrets.close();
    }
}
