package io.github.lxca.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the simulated LXCA remembers: users, sessions, import jobs, the updates repository, and a log of calls. */
final class SimulatorState {

    record User(String name, String password, Set<Fault> faults) {
        boolean has(Fault fault) {
            return faults.contains(fault);
        }
    }

    record Session(String id, String csrf, User user) {}

    record DeclaredFile(String name, long size, String type) {
        String fixId() {
            return name.substring(0, name.lastIndexOf('.'));
        }
    }

    enum Phase {
        CREATED,
        UPLOADED,
        ENDED
    }

    static final class Job {
        final String id;
        final User creator;
        final List<DeclaredFile> files;
        Phase phase = Phase.CREATED;
        List<ReceivedFile> received = List.of();
        /** The uploaded descriptors, readmes and change histories by file name. */
        Map<String, byte[]> texts = Map.of();

        /**
         * The task's {@code name}: an import's carries its fix ids, which is how the plugin recognises an import of
         * one already running (inferred: no source shows the name LXCA gives an import job); the apply names its job
         * for the apply.
         */
        String name;

        int polls;
        String state = "Pending";
        int percentage;
        /** Uploaded to a counting sink: nothing was received to store. */
        boolean countedOnly;

        Job(String id, User creator, List<DeclaredFile> files) {
            this.id = id;
            this.creator = creator;
            this.files = List.copyOf(files);
            this.name = "Import updates "
                    + String.join(
                            ", ",
                            files.stream().map(DeclaredFile::fixId).distinct().toList());
        }
    }

    final Map<String, User> users = new ConcurrentHashMap<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final Map<String, Job> jobs = new ConcurrentHashMap<>();
    final Map<String, StoredUpdate> repository = new ConcurrentHashMap<>();
    /** The readme and change history of each stored update, by file name, to serve them back. */
    final Map<String, byte[]> texts = new ConcurrentHashMap<>();
    /** Fix ids listed without their payload: known from Lenovo's catalog, or deleted without removeMetadata. */
    final Set<String> listedWithoutPayload = ConcurrentHashMap.newKeySet();

    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger nextJobId = new AtomicInteger(1);
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** How often this user has met this fault before now: 0 the first time. */
    int occurrence(User user, Fault fault) {
        return counts.computeIfAbsent(user.name() + "/" + fault, key -> new AtomicInteger())
                .getAndIncrement();
    }

    /**
     * Starts an import of {@code fixId} by {@link Fault#OTHER_PIPELINE}, uploaded and Running, which completes after
     * {@code polls} polls of its task and then lists the fix id in the repository; returns its job id.
     */
    String startImportByAnother(String fixId, int polls, int pollsToComplete) {
        User other = users.computeIfAbsent(
                Fault.OTHER_PIPELINE, name -> new User(name, "not-for-login-" + name, EnumSet.noneOf(Fault.class)));
        String id = String.valueOf(nextJobId.getAndIncrement());
        List<DeclaredFile> files = new ArrayList<>();
        for (String extension : List.of("chg", "tgz", "txt", "xml")) {
            files.add(new DeclaredFile(fixId + "." + extension, 1, "application/octet-stream"));
        }
        Job job = new Job(id, other, files);
        job.phase = Phase.UPLOADED;
        job.state = "Running";
        job.countedOnly = true; // nothing to store but its fix id
        job.polls = pollsToComplete - polls;
        jobs.put(id, job);
        event("create-job " + id + " " + other.name());
        event("upload " + id + " " + other.name());
        return id;
    }

    void addUser(String name, String password, Fault... faults) {
        Set<Fault> set = EnumSet.noneOf(Fault.class);
        set.addAll(List.of(faults));
        users.put(name, new User(name, password, set));
    }

    private Path eventsFile;
    private Path secretsFile;
    /** A fleet appliance's {@code faults.txt}: faults every user of this appliance has while the file lists them. */
    private volatile Path applianceFaultsFile;

    void applianceFaults(Path file) {
        this.applianceFaultsFile = file;
    }

    /**
     * The user as this appliance sees it at login: with the faults its {@code faults.txt} lists now (one fault's
     * user name a line), so that deleting the file clears them for the next login.
     */
    User atLogin(User user) {
        Path file = applianceFaultsFile;
        if (file == null || !Files.isRegularFile(file)) {
            return user;
        }
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        faults.addAll(user.faults());
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                for (Fault fault : Fault.values()) {
                    if (fault.userName().equals(line.strip())) {
                        faults.add(fault);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new User(user.name(), user.password(), faults);
    }

    void journal(Path events, Path secrets) {
        this.eventsFile = events;
        this.secretsFile = secrets;
    }

    void event(String event) {
        events.add(event);
        append(eventsFile, event);
    }

    /** Notes a session id or CSRF token it handed out, so that tests can check no build output shows it. */
    void secret(String value) {
        append(secretsFile, value);
    }

    private static synchronized void append(Path file, String line) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(
                    file,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
