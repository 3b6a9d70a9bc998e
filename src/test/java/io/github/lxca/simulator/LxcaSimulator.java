package io.github.lxca.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stateful stand-in for LXCA's update import API over real HTTPS, with a self-signed certificate.
 * It keeps sessions (cookie plus CSRF token), ties each import job to the user that created it,
 * parses uploads with Jetty's multipart parser and checks them against the job, moves the job's task
 * along one step per poll, and stores what it imported. Each user can be given {@link Fault}s.
 *
 * <p>This class builds, starts and stops the server and is what tests talk to; {@link Router} holds the
 * route table, and each endpoint lives in the class of its concern ({@link Sessions}, {@link ImportJobs},
 * {@link Uploads}, {@link Tasks}, {@link Repository}), all sharing one {@link SimulatorState}.
 */
public final class LxcaSimulator implements AutoCloseable {
    public static final String SESSION_COOKIE = Sessions.SESSION_COOKIE;

    private final SimulatorState state = new SimulatorState();
    private final ExchangeLog exchanges = new ExchangeLog(state);
    private final SelfSignedCertificate certificate;
    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final Object connectionMonitor = new Object();
    /** Connections open now; guarded by {@link #connectionMonitor}. */
    private int openConnections;

    private final Appliance appliance;
    private final int settingsPollsToComplete;

    private LxcaSimulator(Builder builder) throws IOException {
        SimulatorSettings settings = new SimulatorSettings(
                builder.workDirectory != null ? builder.workDirectory : Files.createTempDirectory("lxca-sim"),
                builder.repositoryDirectory,
                builder.pollsToComplete,
                builder.countingSink,
                builder.timelineStep);
        this.settingsPollsToComplete = builder.pollsToComplete;
        this.certificate = builder.certificate != null ? builder.certificate : SelfSignedCertificate.forLocalhost();
        if (builder.journalDirectory != null) {
            Files.createDirectories(builder.journalDirectory);
            state.journal(
                    builder.journalDirectory.resolve("events.log"), builder.journalDirectory.resolve("secrets.log"));
        }
        state.applianceFaults(builder.applianceFaultsFile);
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
        if (builder.tlsProtocols != null) {
            tls.setIncludeProtocols(builder.tlsProtocols);
            tls.setExcludeProtocols(); // Jetty's own list leaves out what is asked for here
        }
        if (builder.tlsProvider != null) {
            tls.setSslContext(serverContext(builder.tlsProvider, certificate));
        }
        connector = builder.plainHttp
                ? new ServerConnector(server, new HttpConnectionFactory(http))
                : new ServerConnector(server, tls, new HttpConnectionFactory(http));
        connector.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connectionsOpened.incrementAndGet();
                synchronized (connectionMonitor) {
                    openConnections++;
                }
            }

            @Override
            public void onClosed(Connection connection) {
                synchronized (connectionMonitor) {
                    openConnections--;
                    connectionMonitor.notifyAll();
                }
            }
        });
        connector.setHost("127.0.0.1");
        connector.setPort(builder.port);
        server.addConnector(connector);
        appliance = new Appliance(
                state,
                builder.applyTimings,
                new Appliance.Network() {
                    private int port;

                    @Override
                    public void refuseConnections() throws Exception {
                        port = connector.getLocalPort();
                        connector.stop();
                    }

                    @Override
                    public void acceptConnections() throws Exception {
                        connector.setPort(port); // the same port, also when it was chosen freely at start
                        connector.start();
                    }
                },
                builder.applianceVersion,
                builder.applianceClock);
        server.setHandler(new Router(state, settings, exchanges, appliance));
    }

    /** A server TLS context on {@code provider} with the certificate's key, for protocols the JDK no longer offers. */
    private static SSLContext serverContext(Provider provider, SelfSignedCertificate certificate) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(certificate.keyStore(), SelfSignedCertificate.STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS", provider);
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the simulator's TLS on " + provider.getName(), e);
        }
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
        private String[] tlsProtocols;
        private Provider tlsProvider;
        private boolean countingSink;
        private long timelineStep = 32L * 1024 * 1024;
        private Appliance.Timings applyTimings = Appliance.Timings.DEFAULT;
        private InstantSource applianceClock;
        private Path applianceFaultsFile;

        /**
         * A file listing faults (one fault's user name a line) that every user who logs in gets on top of its own,
         * while the file lists them: a faulty appliance of a fleet, cleared by deleting the file.
         */
        public Builder applianceFaults(Path file) {
            this.applianceFaultsFile = file;
            return this;
        }

        private String applianceVersion = Appliance.INITIAL_VERSION;

        /** The version the simulated appliance runs at start, {@value Appliance#INITIAL_VERSION} by default. */
        public Builder applianceVersion(String version) {
            this.applianceVersion = version;
            return this;
        }

        /**
         * How long an apply runs before the appliance restarts, how long it then refuses connections, and how long
         * it answers 503 before it is back.
         */
        public Builder applyTimings(Duration applying, Duration refusing, Duration starting) {
            this.applyTimings = new Appliance.Timings(applying, refusing, starting);
            return this;
        }

        /**
         * Let the appliance's apply and restart follow this clock instead of the system's: its phases then move only
         * when the test calls {@link LxcaSimulator#timePassed()} after moving the clock.
         */
        public Builder applianceClock(InstantSource clock) {
            this.applianceClock = clock;
            return this;
        }

        /** Serve this certificate instead of a new one, so that one trust store fits several simulators. */
        public Builder certificate(SelfSignedCertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        /** Offer only these TLS versions ({@code TLSv1.2}, {@code TLSv1.3}, ...), instead of what Jetty offers. */
        public Builder tlsProtocols(String... protocols) {
            this.tlsProtocols = protocols.clone();
            return this;
        }

        /**
         * Run the server's TLS on this provider (such as Conscrypt, which still speaks TLS 1.0 when asked to), instead
         * of the JDK's.
         */
        public Builder tlsProvider(Provider provider) {
            this.tlsProvider = provider;
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
                                && connector.getConnectionFactories().size() == 1
                        ? "http"
                        : "https")
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

    /**
     * The requests it answered, as they arrived, with each reply's status and body (the last
     * {@value ExchangeLog#LIMIT}): for comparing one client's requests with another's.
     */
    public List<Exchange> exchanges() {
        return exchanges.all();
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

    /**
     * Waits until no connection to it is open (a client that closed has closed its connections), at most
     * {@code limit}; whether none is.
     */
    public boolean awaitNoOpenConnection(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (connectionMonitor) {
            while (openConnections > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(connectionMonitor, left);
            }
            return true;
        }
    }

    /**
     * Moves the appliance's apply and restart on to where the clock of {@link Builder#applianceClock} now is (the
     * system clock's simulator does that by itself).
     */
    public void timePassed() {
        appliance.timePassed();
    }

    /** The version the simulated appliance runs: the one it started at until an apply changes it. */
    public String applianceVersion() {
        return appliance.version();
    }

    /**
     * The import jobs that have not ended (Pending, waiting for their upload, or Running), as {@code "<id> <state>
     * <creator>"}: what a client left behind. Apply jobs are not import jobs and are not listed.
     */
    public List<String> openImportJobs() {
        return state.jobs.values().stream()
                .filter(job -> !job.files.isEmpty() && job.phase != SimulatorState.Phase.ENDED)
                .sorted(Comparator.comparingInt(job -> Integer.parseInt(job.id)))
                .map(job -> job.id + " " + job.state + " " + job.creator.name())
                .toList();
    }

    /**
     * Starts an import of {@code fixId} by another user, Running, which completes after {@code polls} polls of its
     * task (or a cancel ends it); returns its job id.
     */
    public String startImportByAnother(String fixId, int polls) {
        return state.startImportByAnother(fixId, polls, settingsPollsToComplete);
    }

    /** Ends a job as Cancelled, as its creator would in LXCA's web console: for tests that leave one running. */
    public void cancelAsItsCreator(String jobId) {
        SimulatorState.Job job = state.jobs.get(jobId);
        if (job != null && job.phase != SimulatorState.Phase.ENDED) {
            job.phase = SimulatorState.Phase.ENDED;
            job.state = "Cancelled";
            state.event("cancel " + jobId + " " + job.creator.name());
        }
    }

    public int openSessions() {
        return state.sessions.size();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
