package io.github.lxca.simulator;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the LXCA simulator as a program, for a person rehearsing a pipeline and for the build's
 * integration tests.
 *
 * <pre>
 * java ... SimulatorMain --dir target/lxca-simulator [--port 8443] [--version 1.0.0] [--polls 2] [--sink] [--second-port 8444]
 *     [--proxy-port 3128 --maven-repository file:///home/me/.m2/repository]
 *     [--apply-ports 8445,8446 [--apply-seconds 2,3,2]] [--ca-ports 8447,8448]
 *     [--appliances 10 [--fleet-ports 8450,8451,...] [--fleet-apply-seconds 1,1,1] [--faulty-appliance 6:upload-409]]
 * java ... SimulatorMain --await target/lxca-simulator --port 8443 [--seconds 60]
 * java -jar lxca-maven-plugin-VERSION-simulator.jar --help
 * java ... SimulatorMain --check-jobs target/lxca-simulator
 * </pre>
 *
 * The first form starts the simulator and keeps running. Into the folder it writes
 * {@code truststore.p12} (password {@code changeit}), {@code certificate.pem}, {@code fingerprint.txt}, {@code events.log},
 * {@code server-key.p12} (its key and certificate, reused at the next start so that the fingerprint stays),
 * {@code secrets.log}, the imported files under {@code repository/} (emptied at start), and last {@code url.txt}. A start
 * on a port in use, or on a folder that a running simulator holds ({@code simulator.lock}), fails before it
 * changes anything: from the jar, with one line on standard error (what to do in the {@code java -jar} form) and
 * exit code 2; under Maven, as the build's error (in the {@code mvn -Psimulator} form). {@code --help} prints the
 * usage and starts nothing; {@code --version} is the LXCA version it runs at start, which it prints. The
 * second form waits until a simulator started with that folder is ready. With {@code --sink}, uploads
 * are only counted, not parsed or kept, and each is logged as an {@code upload-sink} event with its
 * timing (see {@link LxcaSimulator.Builder#countingSink}): for benchmarks. With {@code --ca-ports}, two
 * more simulators serve a certificate that a CA made at this start signed, as an enterprise's LXCA does:
 * the first over TLS 1.3 only, the second over TLS 1.2 only (files under {@code ca-tls13/} and
 * {@code ca-tls12/}); the CA's certificate alone is in {@code ca/truststore.p12} (password {@code changeit})
 * and {@code ca/ca.pem}.
 *
 * <p>With {@code --appliances N}, the same process also hosts a fleet of N appliances, each on a port of its own
 * ({@code --fleet-ports}, else free ones), each with its own certificate, version, repository, sessions and
 * restart, under {@code fleet/appliance-N/} ({@code url.txt}, {@code fingerprint.txt}, {@code certificate.pem},
 * {@code events.log}, {@code repository/}); {@code fleet/urls.txt} lists their URLs in order and
 * {@code fleet/truststore.p12} trusts all of them. {@code --faulty-appliance i:fault} (comma-separated for
 * several) writes the fault's user name into {@code fleet/appliance-N/faults.txt}: every user who logs in to
 * that appliance has the fault while the file lists it, so deleting the file clears it without a restart.
 *
 * <p>Each simulator keeps {@code open-jobs.txt} in its folder up to date (every {@link #OPEN_JOBS_EVERY}): its
 * import jobs still Pending or Running. The {@code --check-jobs} form, run after the integration tests, fails when any simulator started with that folder lists
 * one: a build left it behind.
 */
public final class SimulatorMain {
    public static final String USER = "admin";
    /**
     * Users that only one IT each logs in as (skip, incomplete-set), so that any request of that build
     * shows in events.log under its name, whatever the other ITs running meanwhile do.
     */
    public static final List<String> SINGLE_IT_USERS = List.of("skip-it", "incomplete-set-it");

    public static final String PASSWORD = "Sim-Pa55-w0rd";
    /** The simulator's own key and certificate, kept across restarts on the same folder. */
    static final String KEY_STORE = "server-key.p12";
    /** The import jobs a simulator has not ended, one {@code "<id> <state> <creator>"} a line. */
    static final String OPEN_JOBS = "open-jobs.txt";

    static final Duration OPEN_JOBS_EVERY = Duration.ofMillis(500);
    /** The writers of {@value #OPEN_JOBS}, kept for as long as their simulators run. */
    private static final List<ScheduledFuture<?>> OPEN_JOBS_WRITING = new CopyOnWriteArrayList<>();

    private static final ScheduledExecutorService OPEN_JOBS_WRITER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lxca-simulator-open-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** The folders' locks, held (and kept from the garbage collector, which would release them) while it runs. */
    private static final List<FileLock> HELD = new CopyOnWriteArrayList<>();

    private SimulatorMain() {}

    /** What {@code --help} prints. */
    static final String USAGE = """
            Usage: %1$s [--port 8443] [--dir lxca-simulator] [--version 1.0.0] [--polls 2] [--sink]
                   %1$s --help

            Starts an LXCA simulator: an HTTPS server that speaks LXCA's update import and apply API, keeps what it
            imports under <dir>/repository, and fails on request (log in as a user named after a fault). It runs
            until stopped (Ctrl-C).

              --port N         the port to listen on (default: a free one; the URL is printed and written to url.txt)
              --dir FOLDER     its files: truststore.p12 (password changeit), certificate.pem, fingerprint.txt,
                               events.log, the imported updates (default: target/lxca-simulator)
              --version V      the version of LXCA it runs at start (default %2$s); an apply must be newer
              --polls N        task polls before an import job completes (default 2)
              --sink           count uploads and drop them (for benchmarks)
              --appliances N   also host a fleet of N appliances, each on a free port of its own, with its own
                               version, repository and restart (their URLs in <dir>/fleet/urls.txt)
              --ca-ports P,Q   also serve a certificate signed by a CA made at start, over TLS 1.3 on P and
                               TLS 1.2 on Q (the CA alone in <dir>/ca/truststore.p12)
              --help           print this and start nothing

            User admin, password %3$s.
            """;

    public static void main(String[] args) throws Exception {
        Launch launch = Launch.detect();
        try {
            if (start(List.of(args), launch)) {
                Thread.currentThread().join(); // the server's threads are daemons: keep the program alive until stopped
            }
        } catch (StartFailure failure) {
            if (!launch.fromJar()) {
                throw failure; // Maven (mvn -Psimulator, the ITs) shows it as the build's error
            }
            System.err.println("Error: " + failure.getMessage());
            System.exit(2);
        }
    }

    /** How the simulator was started, to give hints in the form the user typed. */
    record Launch(String jarName) {
        static Launch detect() {
            try {
                Path location = Path.of(SimulatorMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                String name = location.getFileName().toString();
                return new Launch(name.endsWith(".jar") ? name : null);
            } catch (Exception unknown) {
                return new Launch(null);
            }
        }

        boolean fromJar() {
            return jarName != null;
        }

        /** The command that starts the simulator with these options, as this one was started. */
        String command(String options) {
            return fromJar()
                    ? "java -jar " + jarName + " " + options
                    : "mvn -Psimulator " + options.replace("--port ", "-Dlxca.simulator.port=");
        }
    }

    /** A start that cannot go on, for a reason the user can fix: one line, with what to do, and no stack trace. */
    static final class StartFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StartFailure(String message) {
            super(message);
        }
    }

    /**
     * Starts what the arguments ask for; returns whether a simulator now runs (not for {@code --help} and
     * {@code --await}).
     */
    static boolean start(List<String> args, Launch launch) throws Exception {
        Arguments arguments = new Arguments(args);
        if (args.contains("--help") || args.contains("-h")) {
            System.out.print(USAGE.formatted(
                    launch.fromJar() ? "java -jar " + launch.jarName() : "SimulatorMain",
                    Appliance.INITIAL_VERSION,
                    PASSWORD));
            return false;
        }
        String checkJobs = arguments.value("--check-jobs", null);
        if (checkJobs != null) {
            checkNoOpenJobs(Path.of(checkJobs));
            return false;
        }
        String await = arguments.value("--await", null);
        if (await != null) {
            awaitReady(
                    Path.of(await),
                    Integer.parseInt(arguments.value("--port", "0")),
                    Duration.ofSeconds(Long.parseLong(arguments.value("--seconds", "60"))));
            return false;
        }
        Path directory =
                Path.of(arguments.value("--dir", "target/lxca-simulator")).toAbsolutePath();
        // Before anything in the folder is touched: another simulator may own the port, or the folder.
        List<String> ports = new ArrayList<>();
        for (String option : List.of("--port", "--second-port", "--proxy-port")) {
            ports.add(arguments.value(option, "0"));
        }
        List<String> applyPorts = arguments.value("--apply-ports", null) == null
                ? List.of()
                : List.of(arguments.value("--apply-ports", null).split(","));
        ports.addAll(applyPorts);
        List<String> caPorts = arguments.value("--ca-ports", null) == null
                ? List.of()
                : List.of(arguments.value("--ca-ports", null).split(","));
        ports.addAll(caPorts);
        int appliances = Integer.parseInt(arguments.value("--appliances", "0"));
        List<String> fleetPorts = fleetPorts(arguments.value("--fleet-ports", null), appliances);
        ports.addAll(fleetPorts);
        requireFreePorts(ports, launch);
        Files.createDirectories(directory);
        lockFolder(directory, launch); // held until the program ends
        for (String leftOver : List.of(
                "url.txt",
                "events.log",
                "secrets.log",
                "proxy-settings.xml",
                "second/events.log",
                "second/secrets.log")) {
            Files.deleteIfExists(directory.resolve(leftOver)); // from an earlier run in the same folder
        }
        for (String repository : List.of("repository", "second/repository", "ca-tls13", "ca-tls12", "ca")) {
            deleteTree(directory.resolve(repository)); // so that no verify script finds an earlier run's imports
        }
        for (int index = 1; index <= applyPorts.size(); index++) {
            deleteTree(directory.resolve("apply-" + index));
        }
        int polls = Integer.parseInt(arguments.value("--polls", "2"));
        boolean sink = arguments.args().contains("--sink");
        SelfSignedCertificate certificate = SelfSignedCertificate.keptIn(directory.resolve(KEY_STORE));
        String version = arguments.value("--version", Appliance.INITIAL_VERSION);
        LxcaSimulator simulator = start(
                LxcaSimulator.builder().applianceVersion(version),
                Integer.parseInt(arguments.value("--port", "0")),
                polls,
                sink,
                directory,
                certificate);
        String secondPort = arguments.value("--second-port", null);
        if (secondPort != null) {
            LxcaSimulator second = start(
                    Integer.parseInt(secondPort), polls, sink, directory.resolve("second"), simulator.certificate());
            System.out.println("A second LXCA simulator, with the same certificate and users, on " + second.url()
                    + " (its files under " + directory.resolve("second") + ")");
        }
        // One simulator per apply scenario that restarts: its port refuses connections for a while, which must not
        // happen to the port the other builds use.
        String[] applySeconds = arguments.value("--apply-seconds", "2,3,2").split(",", -1);
        for (int index = 1; index <= applyPorts.size(); index++) {
            Path applyDirectory = directory.resolve("apply-" + index);
            LxcaSimulator appliance = start(
                    restarting(applySeconds),
                    Integer.parseInt(applyPorts.get(index - 1)),
                    polls,
                    sink,
                    applyDirectory,
                    simulator.certificate());
            System.out.println("An LXCA simulator for apply scenarios, whose appliance restarts, on " + appliance.url()
                    + " (its files under " + applyDirectory + ")");
        }
        if (!caPorts.isEmpty()) {
            startCaSigned(caPorts, polls, sink, directory);
        }
        if (appliances > 0) {
            startFleet(
                    directory.resolve("fleet"),
                    fleetPorts,
                    arguments.value("--fleet-apply-seconds", "1,1,1").split(",", -1),
                    arguments.value("--faulty-appliance", null),
                    polls);
        }
        simulator.writeTrustStore(directory.resolve("truststore.p12"));
        simulator.writeCertificatePem(directory.resolve("certificate.pem"));
        String proxyPort = arguments.value("--proxy-port", null);
        if (proxyPort != null) {
            startProxy(Integer.parseInt(proxyPort), simulator, directory, arguments.value("--maven-repository", null));
        }
        Files.writeString(directory.resolve("fingerprint.txt"), simulator.fingerprint() + "\n");
        Path url = Files.writeString(directory.resolve("url.txt.tmp"), simulator.url() + "\n", StandardCharsets.UTF_8);
        Files.move(url, directory.resolve("url.txt"), StandardCopyOption.ATOMIC_MOVE); // readiness: whole or absent
        System.out.println("LXCA simulator listening on " + simulator.url());
        System.out.println(
                "  it runs LXCA version " + version + " (an apply must be newer; --version V starts it at another)");
        System.out.println("  user " + USER + ", password " + PASSWORD
                + " (users named after a fault, such as upload-409, show that fault)");
        System.out.println("  certificate SHA-256 " + simulator.fingerprint());
        System.out.println("  trust store " + directory.resolve("truststore.p12") + " (password changeit)");
        System.out.println("  a build imports into it and applies with: export LXCA_PASSWORD=" + PASSWORD
                + "; mvn verify -Dlxca.url=" + simulator.url() + " -Dlxca.serverId=none -Dlxca.username=" + USER
                + " -Dlxca.certificateFingerprint=" + simulator.fingerprint() + " -Dlxca.onExisting=skip");
        System.out.println(
                arguments.args().contains("--sink")
                        ? "  counting sink: uploads are counted and dropped, see events.log"
                        : "  imported files go to " + directory.resolve("repository"));
        return true;
    }

    /** A simulator whose apply runs, then refuses connections, then answers 503, for these seconds each. */
    private static LxcaSimulator.Builder restarting(String[] applyingRefusingStarting) {
        return LxcaSimulator.builder()
                .applyTimings(
                        Duration.ofSeconds(Long.parseLong(applyingRefusingStarting[0])),
                        Duration.ofSeconds(Long.parseLong(applyingRefusingStarting[1])),
                        Duration.ofSeconds(Long.parseLong(applyingRefusingStarting[2])));
    }

    private static List<String> fleetPorts(String given, int appliances) {
        List<String> ports = given == null ? new ArrayList<>() : new ArrayList<>(List.of(given.split(",", -1)));
        if (given != null && ports.size() != appliances) {
            throw new StartFailure("--fleet-ports names " + ports.size() + " ports for " + appliances
                    + " appliances: give one port per appliance, or leave --fleet-ports out for free ports");
        }
        while (ports.size() < appliances) {
            ports.add("0");
        }
        return ports;
    }

    /**
     * Starts one simulator per port, each an appliance of its own (certificate, version, repository, sessions,
     * restart, faults file) in {@code fleet/appliance-N}, and writes the fleet's {@code urls.txt} and
     * {@code truststore.p12}.
     */
    private static void startFleet(Path fleet, List<String> ports, String[] applySeconds, String faulty, int polls)
            throws Exception {
        List<SelfSignedCertificate> certificates = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int index = 1; index <= ports.size(); index++) {
            Path folder = fleet.resolve("appliance-" + index);
            for (String leftOver : List.of("url.txt", "events.log", "secrets.log", "faults.txt")) {
                Files.deleteIfExists(folder.resolve(leftOver));
            }
            deleteTree(folder.resolve("repository"));
            SelfSignedCertificate certificate = SelfSignedCertificate.keptIn(folder.resolve(KEY_STORE));
            LxcaSimulator appliance = start(
                    restarting(applySeconds).applianceFaults(folder.resolve("faults.txt")),
                    Integer.parseInt(ports.get(index - 1)),
                    polls,
                    false,
                    folder,
                    certificate);
            certificate.writePem(folder.resolve("certificate.pem"));
            Files.writeString(folder.resolve("fingerprint.txt"), appliance.fingerprint() + "\n");
            Files.writeString(folder.resolve("url.txt"), appliance.url() + "\n");
            certificates.add(certificate);
            urls.add(appliance.url().toString());
        }
        if (faulty != null) {
            for (String choice : faulty.split(",", -1)) {
                String[] parts = choice.split(":", 2);
                int index = Integer.parseInt(parts[0].strip());
                if (index < 1 || index > ports.size() || parts.length < 2) {
                    throw new StartFailure("--faulty-appliance " + choice + " must be i:fault with i from 1 to "
                            + ports.size() + ", such as 6:upload-409");
                }
                Files.writeString(fleet.resolve("appliance-" + index).resolve("faults.txt"), parts[1].strip() + "\n");
            }
        }
        SelfSignedCertificate.writeTrustStore(fleet.resolve("truststore.p12"), certificates);
        Files.write(fleet.resolve("urls.txt"), urls);
        System.out.println("A fleet of " + urls.size() + " LXCA simulators, each its own appliance, on "
                + String.join(" ", urls) + " (their files under " + fleet + ", one trust store for all in "
                + fleet.resolve("truststore.p12") + ")");
    }

    /**
     * Holds the folder for as long as this simulator runs, so that a second one started on it fails
     * before it empties the first one's files.
     */
    private static void lockFolder(Path directory, Launch launch) throws IOException {
        FileChannel channel = FileChannel.open(
                directory.resolve("simulator.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock != null) {
            HELD.add(lock);
        } else {
            channel.close();
            throw new StartFailure("Another LXCA simulator is running on the folder " + directory
                    + "; its files are left alone. What to do: use that one (its URL is in url.txt), or stop it first"
                    + (launch.fromJar()
                            ? ", or start this one on another folder: " + launch.command("--dir lxca-simulator-2")
                            : ""));
        }
    }

    /** Fails with a hint when a port is taken, for instance by a simulator started earlier. */
    private static void requireFreePorts(List<String> ports, Launch launch) throws IOException {
        for (String port : ports) {
            int number = Integer.parseInt(port);
            if (number <= 0) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(false); // else Linux lets the probe bind beside a listening socket
                probe.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), number));
            } catch (BindException taken) {
                throw new StartFailure("Port " + number + " is in use, perhaps by an LXCA simulator started"
                        + " earlier; nothing was changed. What to do: use that one, or start this one on a free port: "
                        + launch.command("--port " + (number + 1)));
            }
        }
    }

    /** Deletes a folder and everything in it, if it exists; symbolic links are removed, not followed. */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One simulator with the well-known user and one user per fault, keeping its files in {@code directory}. */
    private static LxcaSimulator start(
            int port, int polls, boolean sink, Path directory, SelfSignedCertificate certificate) throws Exception {
        return start(LxcaSimulator.builder(), port, polls, sink, directory, certificate);
    }

    private static LxcaSimulator start(
            LxcaSimulator.Builder builder,
            int port,
            int polls,
            boolean sink,
            Path directory,
            SelfSignedCertificate certificate)
            throws Exception {
        LxcaSimulator simulator = builder.port(port)
                .pollsToComplete(polls)
                .countingSink(sink)
                .workDirectory(Files.createDirectories(directory.resolve("work")))
                .repositoryDirectory(directory.resolve("repository"))
                .journalDirectory(directory)
                .certificate(certificate)
                .start();
        simulator.addUser(USER, PASSWORD);
        SINGLE_IT_USERS.forEach(user -> simulator.addUser(user, PASSWORD));
        for (Fault fault : Fault.values()) {
            simulator.addUser(fault.userName(), PASSWORD, fault);
        }
        Path openJobs = directory.resolve(OPEN_JOBS);
        OPEN_JOBS_WRITING.add(OPEN_JOBS_WRITER.scheduleWithFixedDelay(
                () -> writeOpenJobs(simulator, openJobs), 0, OPEN_JOBS_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        return simulator;
    }

    private static void writeOpenJobs(LxcaSimulator simulator, Path file) {
        try {
            Path next = file.resolveSibling(OPEN_JOBS + ".tmp");
            Files.write(next, simulator.openImportJobs(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.err.println("Cannot write " + file + ": " + e);
        }
    }

    /**
     * Fails, naming each job and the simulator's folder, when a simulator started on {@code directory} (the main one,
     * {@code second/}, {@code apply-N/}) still has an import job Pending or Running: a build left it behind.
     */
    static void checkNoOpenJobs(Path directory) throws IOException, InterruptedException {
        Thread.sleep(3 * OPEN_JOBS_EVERY.toMillis()); // so that the files show the last build's end
        List<String> left = new ArrayList<>();
        // Depth 3: the fleet's appliances keep theirs in fleet/appliance-N, the others in the folder or one below it
        try (Stream<Path> files = Files.find(
                directory,
                3,
                (path, attributes) -> path.getFileName().toString().equals(OPEN_JOBS))) {
            for (Path file : files.sorted().toList()) {
                for (String job : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!job.isBlank()) {
                        left.add("job " + job + " (simulator in " + file.getParent() + ")");
                    }
                }
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("The integration tests left " + left.size()
                    + " import job(s) Pending or Running in the LXCA simulator; each build must end or cancel the"
                    + " jobs it creates:\n  " + String.join("\n  ", left));
        }
        System.out.println("No import job was left Pending or Running in the LXCA simulators under " + directory);
    }

    /**
     * Two simulators whose certificates a CA made now signed, over TLS 1.3 only and TLS 1.2 only; the CA's
     * certificate is written to {@code ca/}, for a trust store that holds it and not the servers' own.
     */
    private static void startCaSigned(List<String> ports, int polls, boolean sink, Path directory) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("LXCA simulator CA");
        List<String> protocols = List.of("TLSv1.3", "TLSv1.2");
        for (int index = 0; index < ports.size() && index < protocols.size(); index++) {
            String protocol = protocols.get(index);
            Path folder = directory.resolve("ca-" + protocol.replace("TLSv1.", "tls1"));
            LxcaSimulator signed = start(
                    LxcaSimulator.builder().tlsProtocols(protocol),
                    Integer.parseInt(ports.get(index)),
                    polls,
                    sink,
                    folder,
                    ca.issueForLocalhost());
            System.out.println("An LXCA simulator with a CA-signed certificate, over " + protocol + " only, on "
                    + signed.url() + " (its files under " + folder + ")");
        }
        ca.writeTrustStore(directory.resolve("ca/truststore.p12"));
        ca.writePem(directory.resolve("ca/ca.pem"));
        System.out.println("  its CA's certificate: " + directory.resolve("ca/truststore.p12")
                + " (password changeit), " + directory.resolve("ca/ca.pem"));
    }

    /**
     * Starts a CONNECT proxy that asks for {@code proxy-user}/{@code proxy-pass}, logs each tunnel as an
     * event, and writes {@code proxy-settings.xml}: a settings.xml whose proxy is this one, for builds
     * that are to go through it. Maven's own downloads bypass it: they come from {@code mavenRepository}
     * (the outer build's local repository) or go straight to Central.
     */
    private static void startProxy(int port, LxcaSimulator simulator, Path directory, String mavenRepository)
            throws Exception {
        TunnelingProxy proxy = TunnelingProxy.start(port, "proxy-user", "proxy-pass", simulator::recordEvent);
        Files.writeString(directory.resolve("proxy-settings.xml"), """
                <settings>
                  <proxies>
                    <proxy>
                      <id>test-proxy</id>
                      <active>true</active>
                      <protocol>https</protocol>
                      <host>127.0.0.1</host>
                      <port>%d</port>
                      <username>proxy-user</username>
                      <password>proxy-pass</password>
                      <nonProxyHosts>localhost|*.internal|repo.maven.apache.org|*.maven.org</nonProxyHosts>
                    </proxy>
                  </proxies>
                  <servers>
                    <server><id>lxca</id><username>%s</username><password>%s</password></server>
                  </servers>
                  <profiles>
                    <profile>
                      <id>outer-build-repository</id>
                      <repositories>
                        <repository><id>outer</id><url>%s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>outer</id><url>%s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-build-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(
                        proxy.port(), USER, PASSWORD, mavenRepository, mavenRepository));
        System.out.println("  CONNECT proxy on 127.0.0.1:" + proxy.port() + " (proxy-user / proxy-pass)");
    }

    /**
     * Waits until the simulator on {@code port} has written its {@code url.txt} and takes connections.
     * The port check keeps a {@code url.txt} left by an earlier run from passing for this one.
     */
    private static void awaitReady(Path directory, int port, Duration limit) throws Exception {
        Path ready = directory.resolve("url.txt");
        Instant deadline = Instant.now().plus(limit);
        while (!isReady(ready, port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The LXCA simulator did not start on port " + port + " within "
                        + limit.toSeconds() + " s; see " + directory.resolve("simulator.log"));
            }
            Thread.sleep(100);
        }
        System.out.println("LXCA simulator ready at " + Files.readString(ready).strip());
    }

    private static boolean isReady(Path urlFile, int port) {
        try (Socket socket = new Socket()) {
            if (!Files.exists(urlFile)
                    || URI.create(Files.readString(urlFile).strip()).getPort() != port) {
                return false;
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private record Arguments(List<String> args) {
        String value(String name, String fallback) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
        }
    }
}
