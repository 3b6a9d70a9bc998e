package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.update.UpdateFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Talks to one LXCA over one HTTP client and one session: log in, create an import job, upload the
 * files, read the job's task, log out. Not thread-safe; one instance per run. {@link #close()} logs
 * out when a session is open.
 */
public final class LxcaClient implements AutoCloseable {
    static final String CSRF_HEADER = "X-Csrf-Token";
    private static final int MAX_REPLY_BYTES = 4 * 1024 * 1024;
    private static final String ACCEPT = "application/json, application/*+json;q=0.9, */*;q=0.1";
    private static final Set<Integer> PASSING_STATUSES = Set.of(502, 503, 504);
    private static final Duration LOGOUT_TIMEOUT = Duration.ofSeconds(10);
    /** A task poll is a small read; a longer read timeout is for the upload's reply. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(60);

    private final ConnectionSettings settings;
    private final LxcaLog log;
    private final RetryPolicy retry;
    private final RequestConfig requestConfig;
    private final TlsSetup tls;
    private final CloseableHttpClient http;
    private final BasicCookieStore cookies = new BasicCookieStore();
    private final ObjectMapper mapper = new ObjectMapper();
    private String csrfToken;
    private boolean loggedIn;

    private LxcaClient(ConnectionSettings settings, TlsSetup tls, LxcaLog log, RetryPolicy retry) {
        this.settings = settings;
        this.log = log;
        this.retry = retry;
        this.tls = tls;
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(settings.readTimeout()))
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom();
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultProxyRoutePlanner(proxyHost) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    return proxy.bypassFor(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost),
                        new UsernamePasswordCredentials(proxy.username(),
                                Objects.requireNonNullElse(proxy.password(), "").toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.http = builder
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(tls.sslContext())
                                .setHostnameVerifier(tls.hostnameVerifier())
                                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                                .buildClassic())
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultCookieStore(cookies)
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setUserAgent("lxca-maven-plugin")
                .build();
    }

    /**
     * @param log gets each retry at INFO, and one DEBUG line per request (method, path, status, time;
     *     never a header or a body)
     */
    public static LxcaClient open(ConnectionSettings settings, LxcaLog log, RetryPolicy retry)
            throws LxcaConfigurationException {
        return new LxcaClient(settings, TlsSetup.of(settings.trust()), log, retry);
    }

    public static LxcaClient open(ConnectionSettings settings, LxcaLog log) throws LxcaConfigurationException {
        return open(settings, log, RetryPolicy.standard(settings.retries()));
    }

    /** How often a call that failed for a passing reason is made again. */
    public int retries() {
        return retry.retries();
    }

    /** Opens a session ({@code POST /sessions}) and keeps its cookie and CSRF token. */
    public void login() throws LxcaException {
        Credentials credentials = settings.credentials();
        ObjectNode body = mapper.createObjectNode()
                .put("UserId", credentials.username())
                .put("password", credentials.password());
        Reply reply = exchange(new Call("log in", null, true, false, () -> {
            HttpPost post = new HttpPost(url("/sessions"));
            post.setHeader(HttpHeaders.REFERER, url("/sessions"));
            post.setEntity(json(body));
            return post;
        }));
        if (reply.status() == 401 || reply.status() == 403) {
            throw new LxcaAuthenticationException("LXCA rejected the user name or password of user '"
                    + credentials.username() + "' (HTTP " + reply.status() + ")", null, reply.messages(),
                    "check the credentials from " + credentials.source()
                            + "; the account may also be locked or lack access to LXCA", null);
        }
        requireSuccess(reply, "log in", null);
        JsonNode session = Optional.ofNullable(reply.json()).map(j -> j.path("response")).orElse(null);
        String fromBody = session == null ? null : JsonFields.firstText(session.path("session"), "csrf");
        csrfToken = fromBody != null ? fromBody : cookie("csrf").orElse(null);
        loggedIn = true;
        if (session != null && session.path("pwChangeRequired").asBoolean(false)) {
            throw new LxcaAuthenticationException("LXCA requires user '" + credentials.username()
                    + "' to change its password before it can be used", null, reply.messages(),
                    "log in to the LXCA web console once as this user and change the password, then update "
                            + credentials.source(), null);
        }
    }

    /** Creates an import job for these files, in this order, and returns its id. */
    public String createImportJob(List<UpdateFile> files) throws LxcaException {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode entries = body.putArray("files");
        for (int index = 0; index < files.size(); index++) {
            UpdateFile file = files.get(index);
            entries.addObject().put("index", index).put("name", file.name()).put("size", file.size())
                    .put("type", file.contentType());
        }
        Reply reply = exchange(new Call("create the import job", null, false, true, () -> {
            HttpPost post = new HttpPost(url("/managementServer/updates?action=import"));
            post.setEntity(json(body));
            return post;
        }));
        requireSuccess(reply, "create the import job", null);
        JsonNode json = reply.json();
        String jobId = json == null ? null : Optional.ofNullable(JsonFields.firstText(json, "jobid", "jobId", "taskid"))
                .orElse(JsonFields.firstText(json.path("response"), "jobid", "jobId", "taskid"));
        if (jobId == null) {
            throw new LxcaProtocolException("LXCA accepted the import job (HTTP " + reply.status()
                    + ") but its reply names no job id: " + reply.excerpt(), null, reply.messages(),
                    "check that lxca.url points at LXCA itself and not at a proxy page", null);
        }
        return jobId;
    }

    /**
     * Uploads the files of a job as one multipart/form-data request, streamed from disk with a known
     * Content-Length.
     */
    public void upload(String jobId, List<UpdateFile> files, UploadListener listener) throws LxcaException {
        Reply reply = exchange(new Call("upload the update files", jobId, false, true, () -> {
            MultipartEntityBuilder multipart = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT);
            for (UpdateFile file : files) {
                multipart.addPart("uploadedfiles[]",
                        new UploadFileBody(file.path(), ContentType.create(file.contentType()), file.name(), file.size()));
            }
            HttpPost post = new HttpPost(url("/files/managementServer/updates?action=import&jobid=" + encode(jobId)));
            post.setEntity(new ProgressEntity(multipart.build(), listener));
            return post;
        }));
        requireSuccess(reply, "upload the update files", jobId);
    }

    /** Cancels a job ({@code PUT /tasks} with action cancel), e.g. one whose upload broke off. */
    public void cancelJob(String jobId) throws LxcaException {
        String operation = "cancel job " + jobId;
        ObjectNode body = mapper.createObjectNode().put("action", "cancel");
        body.putArray("list").add(jobId);
        Reply reply = exchange(new Call(operation, jobId, true, true, () -> {
            HttpPut put = new HttpPut(url("/tasks"));
            put.setEntity(json(body));
            return put;
        }));
        requireSuccess(reply, operation, jobId);
    }

    /**
     * Reads the task of a job ({@code GET /tasks/{id}}), with its child tasks. Each attempt waits at most
     * 60 s for the reply, so that an LXCA that stopped answering cannot hold the build long past the task
     * timeout.
     */
    public Task task(String jobId) throws LxcaException {
        String operation = "read the state of job " + jobId;
        Reply reply = exchange(new Call(operation, jobId, true, true,
                () -> within(POLL_TIMEOUT, new HttpGet(url("/tasks/" + encode(jobId))))));
        requireSuccess(reply, operation, jobId);
        JsonNode json = reply.json();
        JsonNode list = json != null && json.isArray() ? json : json != null && json.isObject() ? mapper.createArrayNode().add(json) : null;
        if (list == null) {
            throw new LxcaProtocolException("LXCA's reply to " + operation + " is not a task list (HTTP "
                    + reply.status() + "): " + reply.excerpt(), jobId, List.of(), null, null);
        }
        for (JsonNode node : list) {
            Task task = Task.from(node);
            if (jobId.equals(task.id()) || (task.id() == null && list.size() == 1)) {
                return task;
            }
        }
        throw new LxcaProtocolException("LXCA's task list does not contain job " + jobId + ": "
                + reply.excerpt(), jobId, List.of(), null, null);
    }

    /** The fix ids in LXCA's management-server updates repository. */
    public Set<String> repositoryFixIds() throws LxcaException {
        String operation = "list the updates repository";
        Reply reply = exchange(new Call(operation, null, true, true,
                () -> new HttpGet(url("/managementServer/updates?key=updates"))));
        requireSuccess(reply, operation, null);
        if (reply.json() == null) {
            throw new LxcaProtocolException("LXCA's reply to " + operation + " is not JSON (HTTP " + reply.status()
                    + "): " + reply.excerpt(), null, List.of(), null, null);
        }
        Set<String> fixIds = new TreeSet<>();
        collectFixIds(reply.json(), fixIds);
        return fixIds;
    }

    /**
     * Entries may sit at any depth, depending on LXCA's version: every {@code fixid} value counts, unless
     * its entry says that the payload is not there.
     */
    private static void collectFixIds(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            String fixId = JsonFields.firstText(node, "fixid", "fixId");
            if (fixId != null && holdsPayload(node)) {
                into.add(fixId);
            }
        }
        node.forEach(child -> collectFixIds(child, into));
    }

    /**
     * LXCA lists updates it only knows about, from Lenovo's catalog or deleted without their metadata, with
     * a status such as "Not Downloaded"; those are not in the repository. An entry without a status counts.
     */
    static boolean holdsPayload(JsonNode entry) {
        String status = JsonFields.firstText(entry, "status", "downloadStatus");
        if (status == null) {
            return true;
        }
        String key = status.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        // only a download status speaks of the payload: "Not Applied" is an imported update not yet installed
        return !(key.contains("notdownloaded") || key.contains("partiallydownloaded") || key.equals("downloading"));
    }

    /** Removes an update, with its metadata, from the repository. An update that is not there is fine. */
    public void deleteUpdate(String fixId) throws LxcaException {
        String operation = "delete " + fixId + " from the repository";
        Reply reply = exchange(new Call(operation, null, true, true,
                () -> new HttpDelete(url("/managementServer/updates/" + encode(fixId) + "?key=removeMetadata"))));
        if (reply.status() != 404) {
            requireSuccess(reply, operation, null);
        }
    }

    /**
     * Ends the session; returns whether LXCA confirmed it. Never throws. One attempt with a short wait,
     * because it runs when the build is already failing or being stopped (also from the Ctrl-C hook,
     * perhaps after {@link #close()}): an LXCA that stopped answering must not hold the build up longer.
     */
    public boolean logout() {
        if (!loggedIn) {
            return false;
        }
        loggedIn = false;
        try {
            return exchange(new Call("log out", null, false, false,
                    () -> within(LOGOUT_TIMEOUT, new HttpDelete(url("/sessions"))))).isSuccessStatus();
        } catch (LxcaException | RuntimeException e) {
            return false;
        } finally {
            csrfToken = null;
        }
    }

    /** The request, waiting at most {@code limit} (or the read timeout, if shorter) for its reply. */
    private <T extends HttpUriRequestBase> T within(Duration limit, T request) {
        Duration read = settings.readTimeout();
        request.setConfig(RequestConfig.copy(requestConfig)
                .setResponseTimeout(Timeout.of(read.compareTo(limit) < 0 ? read : limit)).build());
        return request;
    }

    @Override
    public void close() {
        logout();
        try {
            http.close();
        } catch (IOException ignored) {
            // nothing is left to clean up that matters to the build
        }
    }

    /**
     * One call to LXCA.
     *
     * @param idempotent whether a passing failure (connection refused or reset, 502, 503, 504) may be
     *     retried by sending the same request again
     * @param needsSession whether a 401 means the session expired, so that logging in again once and
     *     repeating the request is right
     * @param request makes a fresh request for each attempt, so that no body is ever sent twice by accident
     */
    private record Call(String operation, String jobId, boolean idempotent, boolean needsSession,
            Supplier<HttpUriRequestBase> request) {}

    private Reply exchange(Call call) throws LxcaException {
        boolean loggedInAgain = false;
        for (int attempt = 0; ; attempt++) {
            Reply reply;
            try {
                reply = send(call);
            } catch (IOException e) {
                if (call.idempotent() && attempt < retry.retries() && isPassing(e)) {
                    pause(call, attempt + 1, networkFailure(e, call.operation(), call.jobId(), 1).getMessage());
                    continue;
                }
                throw networkFailure(e, call.operation(), call.jobId(), attempt + 1);
            }
            if (call.idempotent() && attempt < retry.retries() && PASSING_STATUSES.contains(reply.status())) {
                pause(call, attempt + 1, "LXCA answered HTTP " + reply.status());
                continue;
            }
            if (reply.status() == 401 && call.needsSession() && loggedIn && !loggedInAgain) {
                log.info("LXCA ended the session (HTTP 401 when trying to " + call.operation() + "); logging in again");
                loggedInAgain = true;
                login();
                attempt--; // logging in again is not a retry of this call
                continue;
            }
            return reply;
        }
    }

    private void pause(Call call, int retryNumber, String reason) throws LxcaException {
        Duration delay = retry.delayBefore(retryNumber);
        log.info(reason + "; trying again to " + call.operation() + " in "
                + String.format(Locale.ROOT, "%.1f", delay.toMillis() / 1000.0) + " s (retry " + retryNumber + " of "
                + retry.retries() + ")");
        try {
            retry.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LxcaConnectionException("Interrupted while waiting to " + call.operation(), call.jobId(),
                    List.of(), null, e);
        }
    }

    private static boolean isPassing(IOException e) {
        return !(e instanceof SSLException) && !(e instanceof UnknownHostException)
                && !(e instanceof UploadFileBody.FileChangedException);
    }

    private Reply send(Call call) throws IOException {
        HttpUriRequestBase request = call.request().get();
        request.setHeader(HttpHeaders.ACCEPT, ACCEPT);
        if (csrfToken != null) {
            request.setHeader(CSRF_HEADER, csrfToken);
        }
        HttpClientContext context = HttpClientContext.create();
        context.setCookieStore(cookies);
        long start = System.nanoTime();
        try (ClassicHttpResponse response = http.executeOpen(null, request, context)) {
            log.debug(request.getMethod() + " " + request.getRequestUri() + " -> HTTP " + response.getCode()
                    + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            HttpEntity entity = response.getEntity();
            byte[] body = new byte[0];
            boolean truncated = false;
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    body = in.readNBytes(MAX_REPLY_BYTES + 1);
                    if (body.length > MAX_REPLY_BYTES) {
                        truncated = true;
                        body = Arrays.copyOf(body, MAX_REPLY_BYTES);
                        request.abort(); // do not drain an endless or huge body
                    }
                }
            }
            return new Reply(response.getCode(), body, truncated, mapper);
        }
    }

    private LxcaException networkFailure(IOException e, String operation, String jobId, int attempts) {
        String host = settings.host();
        if (e instanceof UploadFileBody.FileChangedException) {
            return new LxcaUploadSourceException(e.getMessage(), jobId, List.of(),
                    "make sure nothing writes to the update folder during the import (a parallel build, a copy"
                            + " still in progress), then run again", e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new LxcaCertificateException("The TLS certificate of " + host + " does not name that host: "
                    + e.getMessage(), null,
                    "use the host name or address the certificate names in lxca.url, or pin the certificate"
                            + " with lxca.certificateFingerprint", e);
        }
        String rejected = tls.lastRejectedFingerprint();
        if (e instanceof SSLHandshakeException && rejected != null) {
            return new LxcaCertificateException("The TLS certificate of LXCA at " + host
                    + " is not trusted (SHA-256 fingerprint " + rejected + ")", rejected,
                    "if this is your LXCA (compare the fingerprint with the certificate its web console shows),"
                            + " trust it with -Dlxca.certificateFingerprint=" + rejected
                            + ", or import LXCA's certificate into a trust store and set lxca.trustStore;"
                            + " lxca.insecure=true skips all checks and is meant for labs only", e);
        }
        if (e instanceof SSLException) {
            return new LxcaCertificateException("The TLS handshake with " + host + " failed: " + e.getMessage(),
                    null, "check that lxca.url points at LXCA's HTTPS port", e);
        }
        String headline;
        String suggestion;
        if (e instanceof UnknownHostException) {
            headline = "Cannot resolve the LXCA host name " + settings.baseUri().getHost();
            suggestion = "check the host in lxca.url and this machine's DNS";
        } else if (e instanceof ConnectTimeoutException) {
            headline = "Timed out connecting to LXCA at " + host + " after " + settings.connectTimeout().toSeconds() + " s";
            suggestion = "check lxca.url, that LXCA is up, and that no firewall drops the connection";
        } else if (e instanceof ConnectException) {
            headline = "Cannot connect to LXCA at " + host + ": connection refused";
            suggestion = "check the host and port in lxca.url and that LXCA is running and reachable from this machine";
        } else if (e instanceof SocketTimeoutException) {
            headline = "LXCA at " + host + " did not answer within " + settings.readTimeout().toSeconds()
                    + " s when asked to " + operation;
            suggestion = "LXCA may be overloaded; try again later or raise the read timeout";
        } else {
            headline = "The connection to LXCA at " + host + " broke while trying to " + operation + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
            suggestion = "check the network between this machine and LXCA, then run again";
        }
        return new LxcaConnectionException(headline + (attempts > 1 ? " (" + attempts + " attempts)" : ""), jobId,
                List.of(), suggestion, e);
    }

    private static void requireSuccess(Reply reply, String operation, String jobId) throws LxcaRejectedException {
        if (reply.isSuccessStatus() && !reply.saysFailure()) {
            return;
        }
        List<LxcaMessage> messages = reply.messages();
        String headline = "LXCA refused to " + operation + (jobId == null || operation.contains(jobId) ? "" : " (job " + jobId + ")")
                + ": HTTP " + reply.status()
                + (reply.isSuccessStatus() ? " with result '" + reply.json().path("result").asText() + "'" : "")
                + (messages.isEmpty() ? "; reply " + reply.excerpt() : "");
        throw new LxcaRejectedException(headline, reply.status(), jobId, messages, suggestionFor(reply.status()));
    }

    private static String suggestionFor(int status) {
        return switch (status) {
            case 400 -> "LXCA found the request malformed; check that this LXCA version supports update imports"
                    + " through its REST API";
            case 401 -> "the session ended or the credentials are no longer valid; run again";
            case 403 -> "the user needs a role that may manage updates (for example lxc-supervisor or lxc-admin),"
                    + " and a job can only be used by the user that created it";
            case 404 -> "check that lxca.url points at LXCA itself (https://host[:port], without a path)";
            case 409 -> "the update may already be in LXCA's repository, or another import may be running;"
                    + " remove the update from the repository or wait for the other job, then run again";
            case 500 -> "LXCA failed internally; follow its recovery advice above, check the jobs log in LXCA's"
                    + " web console, then run again";
            case 502, 503, 504 -> "LXCA or a proxy in front of it is unavailable; try again later";
            default -> "see LXCA's reply above";
        };
    }

    private Optional<String> cookie(String name) {
        return cookies.getCookies().stream().filter(c -> c.getName().equalsIgnoreCase(name))
                .map(Cookie::getValue).findFirst();
    }

    private ByteArrayEntity json(JsonNode body) {
        try {
            return new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private String url(String pathAndQuery) {
        return settings.baseUri() + pathAndQuery;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
