package io.github.lxca.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.simulator.SimulatorState.DeclaredFile;
import io.github.lxca.simulator.SimulatorState.Job;
import io.github.lxca.simulator.SimulatorState.Phase;
import io.github.lxca.simulator.SimulatorState.Session;
import io.github.lxca.simulator.SimulatorState.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stateful stand-in for LXCA's update import API over real HTTPS, with a self-signed certificate.
 * It keeps sessions (cookie plus CSRF token), ties each import job to the user that created it,
 * parses uploads with Jetty's multipart parser and checks them against the job, moves the job's task
 * along one step per poll, and stores what it imported. Each user can be given {@link Fault}s.
 */
public final class LxcaSimulator implements AutoCloseable {
    public static final String SESSION_COOKIE = "JSESSIONID";
    private static final String CSRF_HEADER = "X-Csrf-Token";
    private static final String JSON = "application/com.lenovo.lxca-v3.0.0+json;charset=UTF-8";

    private final ObjectMapper mapper = new ObjectMapper();
    private final SimulatorState state = new SimulatorState();
    private final SelfSignedCertificate certificate;
    private final Server server;
    private final ServerConnector connector;
    private final Path workDirectory;
    private final Path repositoryDirectory;
    private final int pollsToComplete;
    private final boolean countingSink;
    private final long timelineStep;
    private final AtomicInteger connectionsOpened = new AtomicInteger();

    private LxcaSimulator(Builder builder) throws IOException {
        this.countingSink = builder.countingSink;
        this.timelineStep = builder.timelineStep;
        this.workDirectory = builder.workDirectory != null ? builder.workDirectory : Files.createTempDirectory("lxca-sim");
        this.repositoryDirectory = builder.repositoryDirectory;
        this.pollsToComplete = builder.pollsToComplete;
        this.certificate = builder.certificate != null ? builder.certificate : SelfSignedCertificate.forLocalhost();
        if (builder.journalDirectory != null) {
            Files.createDirectories(builder.journalDirectory);
            state.journal(builder.journalDirectory.resolve("events.log"), builder.journalDirectory.resolve("secrets.log"));
        }
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setDaemon(true); // so that a simulator started inside a build never keeps the JVM alive
        threads.setName("lxca-simulator");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore());
        tls.setKeyStorePassword(SelfSignedCertificate.STORE_PASSWORD);
        connector = builder.plainHttp ? new ServerConnector(server, new HttpConnectionFactory(http))
                : new ServerConnector(server, tls, new HttpConnectionFactory(http));
        connector.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connectionsOpened.incrementAndGet();
            }
        });
        connector.setHost("127.0.0.1");
        connector.setPort(builder.port);
        server.addConnector(connector);
        server.setHandler(new Api());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int port;
        private Path workDirectory;
        private Path repositoryDirectory;
        private int pollsToComplete = 2;
        private boolean plainHttp;
        private Path journalDirectory;
        private SelfSignedCertificate certificate;
        private boolean countingSink;
        private long timelineStep = 32L * 1024 * 1024;

        /** Serve this certificate instead of a new one, so that one trust store fits several simulators. */
        public Builder certificate(SelfSignedCertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        /**
         * In a counting sink, an upload's body is only read and counted, as fast as the server can, with no
         * multipart parsing, no files and no digest, so that a benchmark measures the client and not the
         * server. The job then completes as usual and its fix ids are listed in the repository, without
         * files; a sink never refuses a fix id it already lists, so the same set can be imported again and again.
         */
        public Builder countingSink(boolean countingSink) {
            this.countingSink = countingSink;
            return this;
        }

        /** How many bytes apart the counting sink notes the time in its {@code upload-timeline} event; 32 MiB unless set. */
        public Builder timelineStep(long bytes) {
            this.timelineStep = bytes;
            return this;
        }

        /** When set, every event goes to {@code events.log} and every issued session secret to {@code secrets.log} there. */
        public Builder journalDirectory(Path directory) {
            this.journalDirectory = directory;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where multipart uploads are buffered while they are parsed. */
        public Builder workDirectory(Path directory) {
            this.workDirectory = directory;
            return this;
        }

        /** When set, imported files are kept here under {@code <fixid>/<file>}. */
        public Builder repositoryDirectory(Path directory) {
            this.repositoryDirectory = directory;
            return this;
        }

        /** How many task polls a job takes from upload to Complete. */
        public Builder pollsToComplete(int polls) {
            this.pollsToComplete = polls;
            return this;
        }

        public Builder plainHttp(boolean plainHttp) {
            this.plainHttp = plainHttp;
            return this;
        }

        public LxcaSimulator start() throws Exception {
            LxcaSimulator simulator = new LxcaSimulator(this);
            simulator.server.start();
            return simulator;
        }
    }

    public LxcaSimulator addUser(String name, String password, Fault... faults) {
        state.addUser(name, password, faults);
        return this;
    }

    public URI url() {
        return URI.create((connector.getDefaultConnectionFactory() instanceof HttpConnectionFactory
                        && connector.getConnectionFactories().size() == 1 ? "http" : "https")
                + "://localhost:" + connector.getLocalPort());
    }

    public Path writeTrustStore(Path file) throws IOException {
        return certificate.writeTrustStore(file);
    }

    public Path writeCertificatePem(Path file) throws IOException {
        return certificate.writePem(file);
    }

    public String fingerprint() {
        return certificate.fingerprint();
    }

    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /** Every call the simulator answered, as short lines such as {@code "login admin"} or {@code "upload 3 admin"}. */
    public List<String> events() {
        synchronized (state.events) {
            return List.copyOf(state.events);
        }
    }

    public Map<String, StoredUpdate> repository() {
        return Map.copyOf(state.repository);
    }

    /** Adds a line to the event log, for fixtures that work beside the simulator (a proxy). */
    public void recordEvent(String event) {
        state.event(event);
    }

    /** Puts an update into the repository as if an earlier import had brought it. */
    public void preload(String fixId) {
        state.repository.put(fixId, new StoredUpdate(fixId, "0", "preloaded", List.of()));
    }

    /**
     * Lists an update without its payload ({@code status "Not Downloaded"}), as LXCA lists one it knows from
     * Lenovo's catalog, or one deleted without {@code key=removeMetadata}.
     */
    public void listWithoutPayload(String fixId) {
        state.listedWithoutPayload.add(fixId);
    }

    /** The state name the task of a job has now, or empty when there is no such job. */
    public Optional<String> taskState(String jobId) {
        return Optional.ofNullable(state.jobs.get(jobId)).map(job -> job.state);
    }

    /**
     * How many connections were opened to it, including those whose TLS handshake then failed (which no
     * event shows): proves that a client refused its settings before it connected.
     */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    public int openSessions() {
        return state.sessions.size();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private record Reply(int status, String contentType, byte[] body, List<HttpCookie> cookies, Map<String, String> headers) {
        Reply(int status, String contentType, byte[] body, List<HttpCookie> cookies) {
            this(status, contentType, body, cookies, Map.of());
        }

        static Reply text(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), List.of());
        }
    }

    /** Signals that the connection was dropped on purpose and nothing is to be written. */
    private static final Reply DROPPED = new Reply(0, null, null, List.of());
    /** Signals a 500 whose body goes on until the client gives up (bounded at 1 GiB). */
    private static final Duration LOGOUT_HANG = Duration.ofSeconds(3);
    private static final int MAX_DESCRIPTOR_BYTES = 1024 * 1024;
    private static final Reply ENDLESS = new Reply(500, "application/json", null, List.of());

    private final class Api extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Reply reply;
            try {
                reply = route(request);
            } catch (Exception e) {
                e.printStackTrace(); // a fault in the simulator itself, not an injected one
                reply = json(500, failure("FQXHMSE0500M", "The simulator failed: " + e, "", ""));
            }
            if (reply == DROPPED) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new IOException("connection dropped on purpose"));
                return true;
            }
            if (reply == ENDLESS) {
                writeEndlessBody(response, callback, session(request).user().name());
                return true;
            }
            response.setStatus(reply.status());
            if (reply.contentType() != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            }
            reply.cookies().forEach(cookie -> Response.addCookie(response, cookie));
            reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
    }

    /**
     * Writes the endless body, then records {@code endless-body <bytes> <user>}: how many bytes the client
     * took before it closed the connection (or all of them, about 1 GiB, when it read to the end).
     */
    private void writeEndlessBody(Response response, Callback callback, String user) {
        response.setStatus(500);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] chunk = ("{\"result\":\"failed\",\"padding\":\"" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        long sent = 0;
        try (var out = Content.Sink.asOutputStream(response)) {
            for (int i = 0; i < 16 * 1024; i++) {
                out.write(chunk);
                sent += chunk.length;
            }
            callback.succeeded();
        } catch (IOException clientGaveUp) {
            callback.failed(clientGaveUp);
        } finally {
            state.event("endless-body " + sent + " " + user);
        }
    }

    private Reply route(Request request) throws Exception {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Fields query = Request.extractQueryParameters(request);
        if (path.equals("/sessions") && method.equals("POST")) {
            return login(request);
        }
        Session session = session(request);
        if (session == null) {
            return json(401, failure("FQXHMSE0001J", "The request requires user authentication.",
                    "No valid session was presented.", "Log in again."));
        }
        String csrf = request.getHeaders().get(CSRF_HEADER);
        if (!session.csrf().equals(csrf)) {
            return json(403, failure("FQXHMSE0002J", "The request was refused.",
                    "The request did not carry the session's CSRF token.", "Send the X-Csrf-Token header."));
        }
        if (path.equals("/sessions") && method.equals("DELETE")) {
            if (session.user().has(Fault.LOGOUT_HANGS)) {
                state.event("logout-waiting " + session.user().name());
                sleep(LOGOUT_HANG);
            }
            state.sessions.remove(session.id());
            state.event("logout " + session.user().name());
            return json(200, success());
        }
        if (path.equals("/managementServer/updates") && method.equals("POST") && "import".equals(query.getValue("action"))) {
            return createJob(request, session.user());
        }
        if (path.equals("/files/managementServer/updates") && method.equals("POST")
                && "import".equals(query.getValue("action"))) {
            return upload(request, session.user(), query.getValue("jobid"));
        }
        if (path.equals("/tasks") && method.equals("PUT")) {
            return cancelJobs(request, session.user());
        }
        if (path.startsWith("/tasks/") && method.equals("GET")) {
            return tasks(session, path.substring("/tasks/".length()));
        }
        if (path.equals("/managementServer/updates") && method.equals("GET") && "size".equals(query.getValue("key"))) {
            return repositorySize(session.user());
        }
        if (path.equals("/managementServer/updates") && method.equals("GET")) {
            return listRepository(session.user());
        }
        if (path.startsWith("/managementServer/updates/") && method.equals("DELETE")) {
            String fixId = path.substring("/managementServer/updates/".length());
            boolean removeMetadata = "removeMetadata".equals(query.getValue("key"));
            boolean listed = state.listedWithoutPayload.contains(fixId);
            if (state.repository.remove(fixId) == null && !(removeMetadata && listed)) {
                return json(404, failure("FQXHMUP2404L", "The update " + fixId + " is not in the repository.", "", ""));
            }
            if (removeMetadata) {
                state.listedWithoutPayload.remove(fixId);
            } else {
                state.listedWithoutPayload.add(fixId);
            }
            state.event("deleted " + fixId + " " + session.user().name());
            return json(200, success());
        }
        return json(404, failure("FQXHMSE0404J", "The resource " + path + " was not found.", "", ""));
    }

    private Session session(Request request) {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(SESSION_COOKIE))
                .map(c -> state.sessions.get(c.getValue())).filter(s -> s != null).findFirst().orElse(null);
    }

    private Reply login(Request request) throws IOException {
        JsonNode body = readJson(request);
        if (body == null || !body.hasNonNull("UserId") || !body.hasNonNull("password")) {
            return json(400, failure("FQXHMSE0400J", "The request body is not valid.", "UserId and password are required.", ""));
        }
        User user = state.users.get(body.get("UserId").asText());
        if (user == null || !user.password().equals(body.get("password").asText())) {
            state.event("login-refused " + body.get("UserId").asText());
            return json(401, failure("FQXHMSE0200J", "The user name or password is not valid.",
                    "The credentials do not match an account.", "Check the user name and password."));
        }
        Session session = new Session(UUID.randomUUID().toString(), UUID.randomUUID().toString(), user);
        state.sessions.put(session.id(), session);
        state.secret(session.id());
        state.secret(session.csrf());
        state.event("login " + user.name());
        ObjectNode reply = mapper.createObjectNode();
        ObjectNode response = reply.putObject("response");
        response.put("pwChangeRequired", user.has(Fault.PASSWORD_CHANGE_REQUIRED));
        ObjectNode sessionJson = response.putObject("session").put("id", session.id());
        if (!user.has(Fault.LOGIN_CSRF_COOKIE_ONLY)) {
            sessionJson.put("csrf", session.csrf());
        }
        sessionJson.put("inactivityTimeout", 86400).put("UserId", user.name());
        if (user.has(Fault.LOGIN_SAYS_FAILURE)) {
            reply.put("result", "failure");
        }
        List<HttpCookie> cookies = new ArrayList<>();
        cookies.add(HttpCookie.build(SESSION_COOKIE, session.id()).path("/").secure(true).httpOnly(true).build());
        if (!user.has(Fault.LOGIN_CSRF_BODY_ONLY)) {
            cookies.add(HttpCookie.build("csrf", session.csrf()).path("/").secure(true).build());
        }
        cookies.add(HttpCookie.build("user", user.name()).path("/").secure(true).build());
        return new Reply(200, JSON, mapper.writeValueAsBytes(reply), cookies);
    }

    private Reply createJob(Request request, User user) throws IOException {
        JsonNode body = readJson(request);
        if (body == null || !body.path("files").isArray() || body.path("files").isEmpty()) {
            return json(400, failure("FQXHMUP2001L", "The import request is not valid.", "The files list is missing.", ""));
        }
        List<DeclaredFile> files = new ArrayList<>();
        for (JsonNode file : body.get("files")) {
            files.add(new DeclaredFile(file.path("name").asText(), file.path("size").asLong(-1), file.path("type").asText()));
        }
        if (user.has(Fault.CREATE_JOB_RESULT_FAILURE)) {
            ObjectNode reply = failure("FQXHMUP2100L", "The import job could not be created.",
                    "Another repository operation is in progress.", "Wait for it to finish, then retry.");
            reply.put("result", "failure");
            return json(200, reply);
        }
        String id = String.valueOf(state.nextJobId.getAndIncrement());
        state.jobs.put(id, new Job(id, user, files));
        state.event("create-job " + id + " " + user.name());
        if (user.has(Fault.CREATE_JOB_WITHOUT_ID)) {
            return json(200, success());
        }
        if (user.has(Fault.CREATE_JOB_WARNING)) {
            ObjectNode reply = failure("FQXHMUP2150W", "The repository is almost full.",
                    "Less than 10 percent of the updates repository is free.", "Delete updates that are no longer needed.");
            return json(200, reply.put("result", "warning").put("jobid", id));
        }
        ObjectNode reply = success();
        if (user.has(Fault.CREATE_JOB_NUMERIC_ID)) {
            reply.put("jobid", Long.parseLong(id));
        } else {
            reply.put("jobid", id);
        }
        return json(user.has(Fault.CREATE_JOB_201) ? 201 : 200, reply);
    }

    private Reply upload(Request request, User user, String jobId) throws Exception {
        Job job = jobId == null ? null : state.jobs.get(jobId);
        if (job == null) {
            return json(404, failure("FQXHMUP2004L", "The job " + jobId + " does not exist.", "", "Create an import job first."));
        }
        if (!job.creator.name().equals(user.name())) {
            state.event("upload-refused " + jobId + " " + user.name());
            return json(403, failure("FQXHMUP2005L", "The user " + user.name() + " cannot use job " + jobId + ".",
                    "Only the user that created an import job may upload its files.", "Create a job as this user."));
        }
        if (job.phase != Phase.CREATED) {
            return json(409, failure("FQXHMUP2006L", "The job " + jobId + " has already received its files.", "", "Create a new job."));
        }
        boolean storeAnyway = user.has(Fault.UPLOAD_DROPPED_BUT_STORED) && state.occurrence(user, Fault.UPLOAD_DROPPED_BUT_STORED) == 0;
        if (user.has(Fault.UPLOAD_DROPPED)
                || user.has(Fault.UPLOAD_DROPPED_ONCE) && state.occurrence(user, Fault.UPLOAD_DROPPED_ONCE) == 0
                || storeAnyway) {
            try (InputStream in = Content.Source.asInputStream(request)) {
                in.readNBytes(1024);
            }
            if (storeAnyway) {
                job.files.stream().map(DeclaredFile::fixId).distinct()
                        .forEach(fixId -> state.repository.put(fixId, new StoredUpdate(fixId, "elsewhere", user.name(), List.of())));
            }
            state.event("upload-dropped " + jobId + " " + user.name());
            return DROPPED;
        }
        for (DeclaredFile file : job.files) {
            if (!countingSink && state.repository.containsKey(file.fixId())) { // a sink takes the same set again and again
                drain(request);
                return json(409, failure("FQXHMUP2011L", "The update " + file.fixId() + " is already in the repository.",
                        "An update with the same fix id was imported before.",
                        "Delete the update from the repository, then import it again."));
            }
        }
        Optional<Reply> injected = injectedUploadFailure(user);
        if (injected.isPresent()) {
            drain(request);
            state.event("upload-failed " + jobId + " " + user.name());
            return injected.get();
        }
        List<ReceivedFile> received = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            return json(400, failure("FQXHMUP2007L", "The upload is not multipart/form-data.", "Content-Type: " + contentType, ""));
        }
        if (countingSink) {
            return countBody(request, job, user);
        }
        MultiPartConfig config = new MultiPartConfig.Builder().location(workDirectory).maxMemoryPartSize(64 * 1024)
                .maxParts(64).maxPartSize(-1).maxSize(-1).build();
        Map<String, byte[]> descriptors = new TreeMap<>();
        try (MultiPartFormData.Parts parts = MultiPartFormData.from(request, request, contentType, config).get()) {
            if (parts.size() != job.files.size()) {
                problems.add("the job declares " + job.files.size() + " files but the upload has " + parts.size() + " parts");
            }
            for (int index = 0; index < parts.size(); index++) {
                MultiPart.Part part = parts.get(index);
                ReceivedFile file = receive(part, jobId, descriptors);
                received.add(file);
                if (index < job.files.size()) {
                    problems.addAll(mismatches(job.files.get(index), file, index));
                }
            }
        }
        if (!problems.isEmpty()) {
            state.event("upload-invalid " + jobId + " " + problems);
            return json(400, failure("FQXHMUP2008L", "The uploaded files do not match the import job.",
                    String.join("; ", problems), "Upload exactly the files declared in the job."));
        }
        if (user.has(Fault.STRICT_DESCRIPTORS)) {
            Optional<Reply> refused = readDescriptors(job, received, descriptors);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        job.received = List.copyOf(received);
        job.phase = Phase.UPLOADED;
        state.event("upload " + jobId + " " + user.name());
        if (user.has(Fault.UPLOAD_REPLY_LOST) && state.occurrence(user, Fault.UPLOAD_REPLY_LOST) == 0) {
            job.polls = -1; // just started: the next poll shows it Running at 0 %
            return DROPPED;
        }
        return json(201, success());
    }

    /**
     * Reads the body chunk by chunk straight from Jetty's buffers and counts it. Records one event,
     * {@code upload-sink <job> <user> bytes=<n> firstByteEpochMs=<t> nanos=<d>}: when the first body byte
     * arrived (wall clock, for measuring a tool's start-up) and how long from then to the last byte. A second
     * event, {@code upload-timeline <job> <ms>...}, gives the milliseconds from the first byte at which each
     * further {@link Builder#timelineStep} bytes (32 MiB) had arrived: it tells an upload that starts slow
     * and then catches up from one that is slow throughout.
     */
    private Reply countBody(Request request, Job job, User user) throws IOException {
        long declared = request.getLength();
        long bytes = 0;
        long firstByteNanos = 0;
        long firstByteEpochMs = 0;
        StringBuilder timeline = new StringBuilder();
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                try (Blocker.Runnable blocker = Blocker.runnable()) {
                    request.demand(blocker);
                    blocker.block();
                }
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                throw new IOException("the upload broke off after " + bytes + " bytes", chunk.getFailure());
            }
            int length = chunk.remaining();
            if (length > 0 && bytes == 0) {
                firstByteNanos = System.nanoTime();
                firstByteEpochMs = System.currentTimeMillis();
            }
            bytes += length;
            if (bytes / timelineStep != (bytes - length) / timelineStep) {
                timeline.append(' ').append((System.nanoTime() - firstByteNanos) / 1_000_000);
            }
            chunk.release();
            if (chunk.isLast()) {
                break;
            }
        }
        long nanos = bytes == 0 ? 0 : System.nanoTime() - firstByteNanos;
        if (declared >= 0 && declared != bytes) {
            state.event("upload-invalid " + job.id + " [Content-Length " + declared + " but " + bytes + " bytes]");
            return json(400, failure("FQXHMUP2008L", "The upload is shorter or longer than its Content-Length.",
                    "Content-Length " + declared + ", body " + bytes + " bytes", ""));
        }
        job.phase = Phase.UPLOADED;
        job.countedOnly = true;
        state.event("upload-sink " + job.id + " " + user.name() + " bytes=" + bytes + " firstByteEpochMs="
                + firstByteEpochMs + " nanos=" + nanos);
        state.event("upload-timeline " + job.id + timeline);
        return json(201, success());
    }

    private Optional<Reply> injectedUploadFailure(User user) {
        if (user.has(Fault.UPLOAD_409)) {
            return Optional.of(json(409, failure("FQXHMUP2502L", "The repository operation failed.",
                    "The update is being imported by another job.", "Wait for the other job to finish. Retry the operation.")));
        }
        if (user.has(Fault.UPLOAD_409_ERRORMSG)) {
            ObjectNode reply = mapper.createObjectNode().put("result", "failed");
            ObjectNode error = reply.putObject("errorMsg").put("result", "major");
            error.set("messages", failure("FQXHMUP2502L", "The repository operation failed.",
                    "The operation failed for an unknown reason. The network connection might have gone down",
                    "Check the network connection. Retry the operation.").get("messages"));
            return Optional.of(json(409, reply));
        }
        if (user.has(Fault.UPLOAD_409_NESTED_STATUS)) {
            ObjectNode reply = mapper.createObjectNode();
            reply.putArray("updates");
            reply.set("status", failure("FQXHMUP2503L", "The update is being imported by another job.",
                    "Only one import may run at a time.", "Wait for the other import to finish, then retry."));
            return Optional.of(json(409, reply));
        }
        if (user.has(Fault.UPLOAD_STATE_FAILURE)) {
            return Optional.of(json(200, mapper.createObjectNode().put("state", "failure").put("progress", 100)
                    .put("current", "The files could not be saved to the repository.")));
        }
        if (user.has(Fault.UPLOAD_500)) {
            ObjectNode reply = mapper.createObjectNode().put("result", "failed");
            reply.putArray("messages").addObject().put("id", "FQXHMUP2999M").put("text", "An internal error occurred.")
                    .put("explanation", "The update service stopped unexpectedly.")
                    .put("recovery", "Restart the management server, then retry.")
                    .put("recoveryUrl", "https://lxca.example/help/FQXHMUP2999M");
            return Optional.of(json(500, reply));
        }
        if (user.has(Fault.UPLOAD_500_HTML)) {
            return Optional.of(Reply.text(500, "text/html", "<html><head><title>500 Internal Server Error</title>"
                    + "<style>body{color:red}</style></head><body><h1>Internal Server Error</h1>"
                    + "<p>The proxy could not reach the upstream server.</p></body></html>"));
        }
        if (user.has(Fault.UPLOAD_500_EMPTY)) {
            return Optional.of(Reply.text(500, null, ""));
        }
        if (user.has(Fault.UPLOAD_503)) {
            Reply unavailable = json(503, failure("FQXHMSE0503J", "The service is busy.", "", "Retry later."));
            return Optional.of(new Reply(503, unavailable.contentType(), unavailable.body(), List.of(),
                    Map.of("Retry-After", "1")));
        }
        if (user.has(Fault.UPLOAD_500_ENDLESS)) {
            return Optional.of(ENDLESS);
        }
        return Optional.empty();
    }

    /**
     * Reads each set's descriptor as Lenovo's parser would; refuses the upload, in LXCA's words, at the first
     * set LXCA could not take. Records {@code descriptor-read <xml> Version=<value>} for each one it takes.
     */
    private Optional<Reply> readDescriptors(Job job, List<ReceivedFile> received, Map<String, byte[]> descriptors)
            throws Exception {
        Set<String> uploaded = new TreeSet<>();
        received.forEach(file -> uploaded.add(file.fileName()));
        for (String fixId : job.files.stream().map(DeclaredFile::fixId).distinct().toList()) {
            String xmlName = fixId + ".xml";
            byte[] xml = descriptors.get(xmlName);
            Optional<String> refusal = xml == null ? Optional.of("The descriptor " + xmlName + " was not uploaded.")
                    : LenovoPackageReader.refusal(xmlName, xml, uploaded);
            if (refusal.isPresent()) {
                state.event("upload-refused-descriptor " + job.id + " " + job.creator.name() + " " + refusal.get());
                return Optional.of(json(400, failure("FQXHMUP2013L", "The update package " + fixId + " is not valid.",
                        refusal.get(), "Import an update package as it was downloaded from Lenovo.")));
            }
            state.event("descriptor-read " + xmlName + " Version="
                    + LenovoPackageReader.parse(xml).orElseThrow().first("Version"));
        }
        return Optional.empty();
    }

    private ReceivedFile receive(MultiPart.Part part, String jobId, Map<String, byte[]> descriptors) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long size = 0;
        Path keep = null;
        if (repositoryDirectory != null && part.getFileName() != null && !part.getFileName().contains("/")
                && !part.getFileName().contains("..")) {
            String fileName = part.getFileName();
            keep = uploadsOf(jobId).resolve(fileName);
            Files.createDirectories(keep.getParent());
        }
        ByteArrayOutputStream descriptor = new ByteArrayOutputStream();
        boolean isDescriptor = part.getFileName() != null && part.getFileName().endsWith(".xml");
        try (InputStream in = Content.Source.asInputStream(part.createContentSource());
                var out = keep == null ? java.io.OutputStream.nullOutputStream() : Files.newOutputStream(keep)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (isDescriptor && descriptor.size() < MAX_DESCRIPTOR_BYTES) {
                    descriptor.write(buffer, 0, n);
                }
                size += n;
            }
        }
        if (isDescriptor) {
            descriptors.put(part.getFileName(), descriptor.toByteArray());
        }
        return new ReceivedFile(part.getName(), part.getFileName(), part.getHeaders().get(HttpHeader.CONTENT_TYPE),
                size, HexFormat.of().formatHex(digest.digest()));
    }

    private static List<String> mismatches(DeclaredFile declared, ReceivedFile received, int index) {
        List<String> problems = new ArrayList<>();
        String where = "part " + index;
        if (!"uploadedfiles[]".equals(received.partName())) {
            problems.add(where + " is named '" + received.partName() + "', not 'uploadedfiles[]'");
        }
        if (!declared.name().equals(received.fileName())) {
            problems.add(where + " has file name '" + received.fileName() + "' but the job declares '" + declared.name() + "'");
        }
        if (declared.size() != received.size()) {
            problems.add(where + " has " + received.size() + " bytes but the job declares " + declared.size());
        }
        String expectedType = contentTypeFor(declared.name());
        if (!expectedType.equals(received.contentType())) {
            problems.add(where + " has Content-Type '" + received.contentType() + "', expected '" + expectedType + "'");
        }
        return problems;
    }

    static String contentTypeFor(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        return switch (extension) {
            case "chg" -> "application/octet-stream";
            case "tgz" -> "application/x-compressed";
            case "txt" -> "text/plain";
            case "xml" -> "text/xml";
            default -> "?";
        };
    }

    private Reply tasks(Session session, String idList) {
        User user = session.user();
        if (user.has(Fault.SESSION_EXPIRES) && state.occurrence(user, Fault.SESSION_EXPIRES) == 0) {
            state.sessions.remove(session.id()); // this poll is answered; the next call finds no session
        }
        if (user.has(Fault.TASKS_UNAVAILABLE_TWICE) && state.occurrence(user, Fault.TASKS_UNAVAILABLE_TWICE) < 2) {
            state.event("task-unavailable " + user.name());
            return Reply.text(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
        }
        if (user.has(Fault.TASKS_HTML)) {
            return Reply.text(200, "text/html", "<html><body>Please log in</body></html>");
        }
        if (user.has(Fault.TASKS_WITHOUT_JOB)) {
            return json(200, mapper.createArrayNode().add(mapper.createObjectNode().put("jobUID", "999999").put("status", "Complete")));
        }
        ArrayNode list = mapper.createArrayNode();
        for (String id : idList.split(",")) {
            Job job = state.jobs.get(id);
            if (job != null) {
                advance(job);
                list.add(taskJson(job));
            }
        }
        state.event("task " + idList + " " + user.name());
        return json(200, list);
    }

    /** {@code PUT /tasks {"action": "cancel", "list": [ids]}}: ends the creator's unfinished jobs as Cancelled. */
    private Reply cancelJobs(Request request, User user) throws IOException {
        JsonNode body = readJson(request);
        if (user.has(Fault.CANCEL_FAILS)) {
            state.event("cancel-failed " + user.name());
            return json(500, failure("FQXHMTM0500L", "The job could not be cancelled.",
                    "The task manager is not available.", "Cancel the job from the Jobs page."));
        }
        if (body == null || !"cancel".equals(body.path("action").asText()) || !body.path("list").isArray()) {
            return json(400, failure("FQXHMTM0001L", "The task request is not valid.",
                    "Expected {\"action\": \"cancel\", \"list\": [job ids]}.", ""));
        }
        for (JsonNode id : body.get("list")) {
            Job job = state.jobs.get(id.asText());
            if (job != null && job.creator.name().equals(user.name()) && job.phase != Phase.ENDED) {
                job.phase = Phase.ENDED;
                job.state = "Cancelled";
                state.event("cancel " + job.id + " " + user.name());
            }
        }
        return json(200, success());
    }

    /** Moves a job's task one step along per poll, as LXCA's would over time. */
    private void advance(Job job) {
        if (job.phase != Phase.UPLOADED) {
            return;
        }
        User user = job.creator;
        job.polls++;
        if (user.has(Fault.TASK_NEVER_ENDS) || job.polls < pollsToComplete) {
            job.state = "Running";
            job.percentage = user.has(Fault.TASK_NEVER_ENDS) ? 50 : job.polls * 100 / pollsToComplete;
            return;
        }
        job.phase = Phase.ENDED;
        job.percentage = 100;
        if (user.has(Fault.TASK_FAILS)) {
            job.state = "Stopped_With_Error";
            return;
        }
        job.state = "Complete";
        if (job.countedOnly) {
            job.files.stream().map(DeclaredFile::fixId).distinct().forEach(fixId ->
                    state.repository.put(fixId, new StoredUpdate(fixId, job.id, user.name(), List.of())));
        } else if (!user.has(Fault.TASK_CHILD_FAILS) && !user.has(Fault.COMPLETE_BUT_NOT_STORED)) {
            store(job);
        }
    }

    private void store(Job job) {
        Map<String, List<ReceivedFile>> byFixId = new java.util.TreeMap<>();
        for (ReceivedFile file : job.received) {
            String fixId = file.fileName().substring(0, file.fileName().lastIndexOf('.'));
            byFixId.computeIfAbsent(fixId, id -> new ArrayList<>()).add(file);
        }
        byFixId.forEach((fixId, files) -> {
            keepFiles(job.id, fixId, files);
            state.repository.put(fixId, new StoredUpdate(fixId, job.id, job.creator.name(), List.copyOf(files)));
            state.listedWithoutPayload.remove(fixId);
            state.event("stored " + fixId + " job " + job.id);
        });
    }

    /** Moves a stored update's uploaded files from the job's folder to {@code <repository>/<fixid>/}. */
    private void keepFiles(String jobId, String fixId, List<ReceivedFile> files) {
        if (repositoryDirectory == null) {
            return;
        }
        try {
            Path target = Files.createDirectories(repositoryDirectory.resolve(fixId));
            for (ReceivedFile file : files) {
                Path uploaded = uploadsOf(jobId).resolve(file.fileName());
                if (Files.exists(uploaded)) {
                    Files.move(uploaded, target.resolve(file.fileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path uploadsOf(String jobId) {
        return workDirectory.resolve("uploads").resolve("job-" + jobId);
    }

    private ObjectNode taskJson(Job job) {
        ObjectNode task = mapper.createObjectNode().put("jobUID", job.id).put("name", "Import updates")
                .put("createdBy", job.creator.name());
        User user = job.creator;
        if (user.has(Fault.TASK_STATUS_OBJECT)) {
            task.putObject("status").put("state", job.state).put("percentage", job.percentage);
        } else if (user.has(Fault.TASK_STATE_FIELD)) {
            task.put("taskState", job.state).put("percentage", job.percentage);
        } else if (user.has(Fault.TASK_FREE_TEXT_STATUS)) {
            String fixIds = String.join(", ", job.files.stream().map(DeclaredFile::fixId).distinct().toList());
            task.put("status", "Importing " + fixIds).put("taskState", job.state).put("percentage", job.percentage);
        } else {
            task.put("status", job.state).put("percentage", job.percentage);
        }
        ArrayNode messages = task.putArray("messages");
        ArrayNode children = task.putArray("children");
        if (job.phase == Phase.ENDED && user.has(Fault.TASK_FAILS)) {
            messages.add(failure("FQXHMUP4001L", "The update package could not be imported.",
                    "The payload file failed its integrity check.", "Download the update again, then import it.")
                    .get("messages").get(0));
        }
        if (job.phase == Phase.ENDED && user.has(Fault.TASK_CHILD_FAILS)) {
            ObjectNode child = children.addObject().put("jobUID", job.id + ".1").put("name", "Unpack payload")
                    .put("status", "Stopped_With_Error").put("percentage", 100);
            child.putArray("messages").add(failure("FQXHMUP4002L", "The payload could not be unpacked.",
                    "The repository has no free space left.", "Delete unused updates, then retry.").get("messages").get(0));
            child.putArray("children");
        }
        return task;
    }

    private Reply listRepository(User user) {
        ObjectNode reply = user.has(Fault.LISTING_NESTED_STATUS) ? mapper.createObjectNode() : success();
        ArrayNode updates = reply.putArray("updates");
        if (user.has(Fault.LISTING_NESTED_STATUS)) {
            ObjectNode status = failure("FQXHMUP1001I", "The repository was read.", "", "").put("result", "informational");
            reply.set("status", status);
        }
        Map<String, String> statuses = new TreeMap<>();
        state.listedWithoutPayload.forEach(fixId -> statuses.put(fixId, "Not Downloaded"));
        state.repository.keySet().forEach(fixId -> statuses.put(fixId, "Downloaded"));
        statuses.forEach((fixId, status) -> updates.addObject().put("fixid", fixId).put("status", status));
        return json(200, reply);
    }

    /**
     * {@code GET /managementServer/updates?key=size}: the repository's allotment and free space, in bytes
     * (the unit is our inference). 100 GiB in all, less what is stored.
     */
    private Reply repositorySize(User user) {
        state.event("repository-size " + user.name());
        if (user.has(Fault.REPOSITORY_SIZE_UNKNOWN)) {
            return json(404, failure("FQXHMSE0404J", "The resource was not found.", "", ""));
        }
        long allotment = 100L * 1024 * 1024 * 1024;
        long used = state.repository.values().stream().flatMap(update -> update.files().stream())
                .mapToLong(ReceivedFile::size).sum();
        long free = user.has(Fault.REPOSITORY_FULL) ? 100 : allotment - used;
        return json(200, mapper.createObjectNode().put("allotment", allotment).put("freeSpace", free));
    }

    private JsonNode readJson(Request request) throws IOException {
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void drain(Request request) throws IOException {
        Content.Source.consumeAll(request);
    }

    private ObjectNode success() {
        ObjectNode reply = mapper.createObjectNode().put("result", "success");
        reply.putArray("messages");
        return reply;
    }

    private ObjectNode failure(String id, String text, String explanation, String recovery) {
        ObjectNode reply = mapper.createObjectNode().put("result", "failed");
        ObjectNode message = reply.putArray("messages").addObject().put("id", id).put("text", text)
                .put("explanation", explanation);
        message.putObject("recovery").put("text", recovery).put("URL", "https://lxca.example/help/" + id);
        return reply;
    }

    private Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, JSON, mapper.writeValueAsBytes(body), List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
