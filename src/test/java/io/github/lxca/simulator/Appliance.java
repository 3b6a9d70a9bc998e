package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.object;
import static io.github.lxca.simulator.Replies.readJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.simulator.SimulatorState.Job;
import io.github.lxca.simulator.SimulatorState.Phase;
import io.github.lxca.simulator.SimulatorState.User;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management server updating itself: the version it runs ({@code key=currentVersion}), its update history
 * ({@code key=history}), and the apply ({@code PUT ?action=apply}). An apply job runs for a while, then the
 * appliance goes away: it refuses connections, then answers every request 503 with an HTML page, then forgets
 * every session and the job (a poll for it gets 404), and answers again, with the new version. Who sent the apply
 * picks how it ends: {@link Fault#APPLY_INSTALLATION_FAILS}, {@link Fault#APPLY_NEVER_COMES_BACK},
 * {@link Fault#APPLY_VERSION_UNCHANGED}. The apply answers as Lenovo documents it (200, 401, 403, 500, failures in
 * the messages envelope), and the history's entries have the documented attributes, starting with the
 * {@code base install} of the version it started at; the fix id is put in {@code fileName} as {@code <fixid>.tgz}
 * (inferred). The reply shapes of {@code key=currentVersion} and {@code key=history} are inferred.
 *
 * <p>Its phases follow an injected {@link InstantSource}: each request, and {@link #timePassed()}, first moves the
 * apply on to where the clock says it is. On the system clock a timer calls {@link #timePassed()} when each phase is
 * due; on a test clock the test calls it after moving the clock (the applier's sleeper does), so no test waits.
 */
final class Appliance {
    static final String INITIAL_VERSION = "1.0.0";
    private static final Pattern VERSION_IN_FIX_ID = Pattern.compile("-(\\d[^_]*)_");

    /** How long each stage of an apply lasts. */
    record Timings(Duration applying, Duration refusing, Duration starting) {
        static final Timings DEFAULT = new Timings(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2));
    }

    /** What the simulator does to its network while the appliance restarts. */
    interface Network {
        void refuseConnections() throws Exception;

        void acceptConnections() throws Exception;
    }

    private final SimulatorState state;
    private final Timings timings;
    private final Network network;
    private final InstantSource clock;
    /** Calls {@link #timePassed()} when a phase is due, on the system clock only. */
    private final ScheduledExecutorService timer;

    private final List<ObjectNode> history = new CopyOnWriteArrayList<>();
    private final Set<String> forgottenJobs = ConcurrentHashMap.newKeySet();
    private volatile String version;
    private volatile boolean starting;
    private volatile Job applying;
    /** The apply under way, until the appliance is back (or never comes back); guarded by {@code this}. */
    private Restart restart;

    /** One apply's way through the phases, each done once, in order, when the clock reaches it. */
    private static final class Restart {
        final Job job;
        final String fixId;
        final User user;
        final Instant started;
        boolean refusing;
        boolean starting;
        boolean over;

        Restart(Job job, String fixId, User user, Instant started) {
            this.job = job;
            this.fixId = fixId;
            this.user = user;
            this.started = started;
        }
    }

    /**
     * @param version the version it runs at start; its history starts with the {@code base install} of it
     * @param testClock a test's clock, whose test calls {@link #timePassed()} after moving it; {@code null} for the
     *     system clock, with a timer that moves the phases on when they are due
     */
    Appliance(SimulatorState state, Timings timings, Network network, String version, InstantSource testClock) {
        this.state = state;
        this.timings = timings;
        this.network = network;
        this.version = version;
        this.clock = testClock != null ? testClock : InstantSource.system();
        this.timer = testClock == null
                ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "lxca-simulator-appliance");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
        history.add(entry(
                "1",
                clock.instant().toString(),
                "Lenovo XClarity Administrator " + version,
                "",
                "",
                "base install",
                "",
                version));
    }

    /** One history entry with every attribute Lenovo documents, blank where it does not apply. */
    private static ObjectNode entry(
            String buildNumber,
            String dateApplied,
            String description,
            String detailInfo,
            String fileName,
            String flavor,
            String installationFailedDate,
            String version) {
        return object().put("buildNumber", buildNumber)
                .put("dateApplied", dateApplied)
                .put("description", description)
                .put("detailInfo", detailInfo)
                .put("fileName", fileName)
                .put("flavor", flavor)
                .put("installationFailedDate", installationFailedDate)
                .put("version", version);
    }

    /** Whether it is starting up again: every request gets 503 and an HTML page. */
    boolean starting() {
        timePassed();
        return starting;
    }

    Reply currentVersion(Call call) {
        timePassed();
        if (call.user().has(Fault.APPLY_READS_REFUSED)) {
            return readRefused("version");
        }
        return json(200, object().put("currentVersion", version));
    }

    Reply history(Call call) {
        timePassed();
        if (call.user().has(Fault.APPLY_HISTORY_UNKNOWN)) {
            return json(404, failure("FQXHMUP3404L", "The requested key is not supported.", "", ""));
        }
        if (call.user().has(Fault.APPLY_READS_REFUSED)) {
            return readRefused("update history");
        }
        ObjectNode reply = object();
        ArrayNode entries = reply.putArray("history");
        history.forEach(entries::add);
        return json(200, reply);
    }

    /** {@link Fault#APPLY_READS_REFUSED}: a JSON refusal of a read, as a failing management server might send. */
    private static Reply readRefused(String what) {
        return json(
                500,
                failure(
                        "FQXHMUP3500M",
                        "The management server could not read its " + what + ".",
                        "An internal error occurred.",
                        "Restart the management server."));
    }

    /** {@code PUT /managementServer/updates?action=apply {"fixids": [one]}}: starts the apply job. */
    Reply apply(Call call) throws Exception {
        timePassed();
        User user = call.user();
        JsonNode body = readJson(call.request());
        JsonNode fixIds = body == null ? null : body.path("fixids");
        if (fixIds == null || !fixIds.isArray() || fixIds.size() != 1) {
            return json(
                    500,
                    failure(
                            "FQXHMUP3001L",
                            "The apply request is not valid.",
                            "Exactly one fix id is applied per request: {\"fixids\": [\"<fixid>\"]}.",
                            ""));
        }
        String fixId = fixIds.get(0).asText();
        if (user.has(Fault.APPLY_SESSION_ENDED)) {
            state.event("apply-unauthorized " + fixId + " " + user.name());
            return json(401, failure("FQXHMSE0001J", "The session is not valid.", "", "Log in again."));
        }
        if (!state.repository.containsKey(fixId)) {
            return json(
                    500,
                    failure(
                            "FQXHMUP3002L",
                            "The update " + fixId + " is not in the repository.",
                            "",
                            "Import it first."));
        }
        if (applying != null) {
            state.event("apply-refused " + fixId + " " + user.name());
            return json(500, failure("FQXHMUP3003L", "Another update is being applied.", "", "Wait for it to end."));
        }
        Job job = new Job(String.valueOf(state.nextJobId.getAndIncrement()), user, List.of());
        job.phase = Phase.CREATED; // the import's task logic leaves it alone; this class moves it
        job.name = "Apply management server update " + fixId;
        job.state = "Running";
        state.jobs.put(job.id, job);
        applying = job;
        state.event("apply " + fixId + " job " + job.id + " " + user.name());
        synchronized (this) {
            restart = new Restart(job, fixId, user, clock.instant());
        }
        if (timer != null) {
            long steps = Math.max(1, timings.applying().toMillis() / 250);
            for (long step = 1; step <= steps; step++) {
                schedule(Duration.ofMillis(step * 250L));
            }
            schedule(timings.applying());
            schedule(timings.applying().plus(timings.refusing()));
            schedule(timings.applying().plus(timings.refusing()).plus(timings.starting()));
        }
        return user.has(Fault.APPLY_REPLY_LOST)
                ? Reply.DROPPED
                : json(200, Replies.success().put("jobid", job.id));
    }

    /**
     * Answers 404 for a job the restart made it forget, and the task of an apply job that failed (with its
     * message); else lets the task poll answer.
     */
    Route.Endpoint forgetting(Route.Endpoint taskPoll) {
        return call -> {
            String id = call.pathAfter(Tasks.PATH);
            if (forgottenJobs.contains(id)) {
                return json(404, failure("FQXHMTM0404L", "The job " + id + " was not found.", "", ""));
            }
            Job job = state.jobs.get(id);
            if (job != null && job.creator.has(Fault.APPLY_JOB_FAILS) && "Stopped_With_Error".equals(job.state)) {
                ObjectNode task = object().put("jobUID", id)
                        .put("name", job.name)
                        .put("status", job.state)
                        .put("percentage", 100);
                task.putArray("messages")
                        .add(failure(
                                        "FQXHMUP4110L",
                                        "The update could not be applied.",
                                        "The update requires a newer version of LXCA first.",
                                        "Apply the prerequisite update, then retry.")
                                .get("messages")
                                .get(0));
                task.putArray("children");
                return json(200, Replies.array().add(task));
            }
            return taskPoll.answer(call);
        };
    }

    private void schedule(Duration after) {
        ScheduledFuture<?> unused = timer.schedule(this::timePassed, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Moves the apply under way on to where the clock is: the job's percentage while it runs, then each phase of the
     * restart that is due and not yet done (refusing connections, answering 503, back with the new version).
     */
    synchronized void timePassed() {
        Restart run = restart;
        if (run == null || run.over) {
            return;
        }
        Duration elapsed = Duration.between(run.started, clock.instant());
        Job job = run.job;
        try {
            if (elapsed.compareTo(timings.applying()) < 0) {
                long steps = Math.max(1, timings.applying().toMillis() / 250);
                long step = Math.min(steps, elapsed.toMillis() / 250);
                job.percentage = (int) (step * 90L / steps);
                return;
            }
            if (!run.refusing) {
                run.refusing = true;
                job.percentage = 90;
                if (run.user.has(Fault.APPLY_JOB_FAILS)) {
                    job.state = "Stopped_With_Error";
                    job.percentage = 100;
                    applying = null;
                    run.over = true;
                    state.event("apply-failed " + job.id);
                    return;
                }
                state.event("apply-restart refusing " + job.id);
                network.refuseConnections();
                if (run.user.has(Fault.APPLY_NEVER_COMES_BACK)) {
                    state.event("apply-restart never-back " + job.id);
                    run.over = true;
                    return;
                }
            }
            Duration refused = timings.applying().plus(timings.refusing());
            if (elapsed.compareTo(refused) < 0) {
                return;
            }
            if (!run.starting) {
                run.starting = true;
                starting = true;
                network.acceptConnections();
                state.event("apply-restart starting " + job.id);
            }
            if (elapsed.compareTo(refused.plus(timings.starting())) < 0) {
                return;
            }
            run.over = true;
            back(job, run.fixId, run.user);
        } catch (Exception e) {
            // a fault of the simulator itself: the events log shows it to the test that waits for the restart
            run.over = true;
            state.event("apply-restart failed " + e);
            e.printStackTrace(System.err);
        }
    }

    /** The appliance is back: it forgot every session and the job, and runs the new version (unless a fault says). */
    private void back(Job job, String fixId, User user) {
        state.sessions.clear();
        state.jobs.remove(job.id);
        forgottenJobs.add(job.id);
        String now = clock.instant().toString();
        boolean fails = user.has(Fault.APPLY_INSTALLATION_FAILS);
        String updateVersion = versionOf(fixId);
        ObjectNode entry;
        if (user.has(Fault.APPLY_HISTORY_FIXID)) {
            entry = object().put("fixid", fixId).put("status", fails ? "Failed" : "Applied");
            entry.put(fails ? "installationFailedDate" : "dateApplied", now);
        } else {
            entry = entry(
                    job.id,
                    fails ? "" : now,
                    "Lenovo XClarity Administrator " + updateVersion + " update",
                    fails
                            ? "FQXHMUP4105L: The management server update failed: the database migration did not"
                                    + " complete."
                            : "",
                    user.has(Fault.APPLY_HISTORY_VERSION_ONLY) ? "" : fixId + ".tgz",
                    "",
                    fails ? now : "",
                    updateVersion);
        }
        if (!fails && !user.has(Fault.APPLY_VERSION_UNCHANGED)) {
            version = updateVersion;
        }
        if (!user.has(Fault.APPLY_VERSION_UNCHANGED)) {
            history.add(entry);
        }
        applying = null;
        starting = false;
        state.event("apply-restart back " + job.id + " version " + version);
    }

    /** The version a fix id names ({@code ..._agent-2.0.0_anyos_noarch}); real LXCA reads the descriptor. */
    static String versionOf(String fixId) {
        Matcher matcher = VERSION_IN_FIX_ID.matcher(fixId);
        return matcher.find() ? matcher.group(1) : fixId;
    }

    String version() {
        return version;
    }
}
