package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.array;
import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.object;
import static io.github.lxca.simulator.Replies.readJson;
import static io.github.lxca.simulator.Replies.success;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.simulator.SimulatorState.DeclaredFile;
import io.github.lxca.simulator.SimulatorState.Job;
import io.github.lxca.simulator.SimulatorState.Phase;
import io.github.lxca.simulator.SimulatorState.Session;
import io.github.lxca.simulator.SimulatorState.User;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /tasks/<ids>}, which moves each job's task one step along per poll, and
 * {@code PUT /tasks} with {@code "action": "cancel"}.
 */
final class Tasks {
    static final String PATH = "/tasks/";

    private final SimulatorState state;
    private final SimulatorSettings settings;
    private final Repository repository;

    Tasks(SimulatorState state, SimulatorSettings settings, Repository repository) {
        this.state = state;
        this.settings = settings;
        this.repository = repository;
    }

    Reply poll(Call call) {
        Session session = call.session();
        String idList = call.pathAfter(PATH);
        User user = session.user();
        if (user.has(Fault.SESSION_EXPIRES) && state.occurrence(user, Fault.SESSION_EXPIRES) == 0) {
            state.sessions.remove(session.id()); // this poll is answered; the next call finds no session
        }
        if (user.has(Fault.TASKS_UNAVAILABLE_TWICE) && state.occurrence(user, Fault.TASKS_UNAVAILABLE_TWICE) < 2) {
            state.event("task-unavailable " + user.name());
            return Replies.html(503, "<html><body><h1>503 Service Unavailable</h1></body></html>");
        }
        if (user.has(Fault.TASK_POLL_REFUSED)) {
            boolean first = state.occurrence(user, Fault.TASK_POLL_REFUSED) == 0;
            state.event("task-refused " + idList + " " + user.name());
            return first
                    ? json(
                            503,
                            failure(
                                    "FQXHMTM0503L",
                                    "The task manager is starting.",
                                    "The request cannot be served yet.",
                                    "Try again in a minute."))
                    : json(
                            500,
                            failure(
                                    "FQXHMTM0500M",
                                    "The task manager failed to read job " + idList + ".",
                                    "An internal error occurred.",
                                    "Restart the management server."));
        }
        if (user.has(Fault.TASKS_HTML)) {
            return Replies.html(200, "<html><body>Please log in</body></html>");
        }
        if (user.has(Fault.TASKS_WITHOUT_JOB)) {
            return json(200, array().add(object().put("jobUID", "999999").put("status", "Complete")));
        }
        ArrayNode list = array();
        for (String id : idList.split(",", -1)) {
            Job job = state.jobs.get(id);
            if (job != null) {
                advance(job);
                list.add(taskJson(job));
            }
        }
        state.event("task " + idList + " " + user.name());
        return user.has(Fault.TRICKLE_TASK_POLL) ? json(200, list).trickled() : json(200, list);
    }

    /**
     * {@code GET /tasks}: every import job, of every user, as LXCA lists its jobs to an administrator (inferred);
     * listing moves none of them along.
     */
    Reply list(Call call) {
        ArrayNode list = array();
        state.jobs.values().stream()
                .filter(job -> !job.files.isEmpty())
                .sorted(Comparator.comparingInt(job -> Integer.parseInt(job.id)))
                .forEach(job -> list.add(taskJson(job)));
        state.event("tasks " + call.user().name());
        return json(200, list);
    }

    /** {@code PUT /tasks {"action": "cancel", "list": [ids]}}: ends the creator's unfinished jobs as Cancelled. */
    Reply cancel(Call call) throws IOException {
        User user = call.user();
        JsonNode body = readJson(call.request());
        if (user.has(Fault.CANCEL_FAILS)) {
            state.event("cancel-failed " + user.name());
            return json(
                    500,
                    failure(
                            "FQXHMTM0500L",
                            "The job could not be cancelled.",
                            "The task manager is not available.",
                            "Cancel the job from the Jobs page."));
        }
        if (body == null
                || !"cancel".equals(body.path("action").asText())
                || !body.path("list").isArray()) {
            return json(
                    400,
                    failure(
                            "FQXHMTM0001L",
                            "The task request is not valid.",
                            "Expected {\"action\": \"cancel\", \"list\": [job ids]}.",
                            ""));
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
        int pollsToComplete = settings.pollsToComplete();
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
            job.files.stream()
                    .map(DeclaredFile::fixId)
                    .distinct()
                    .forEach(fixId ->
                            state.repository.put(fixId, new StoredUpdate(fixId, job.id, user.name(), List.of())));
        } else if (!user.has(Fault.TASK_CHILD_FAILS) && !user.has(Fault.COMPLETE_BUT_NOT_STORED)) {
            repository.store(job);
        }
    }

    private ObjectNode taskJson(Job job) {
        ObjectNode task = object().put("jobUID", job.id).put("name", job.name).put("createdBy", job.creator.name());
        User user = job.creator;
        if (user.has(Fault.TASK_STATUS_OBJECT)) {
            task.putObject("status").put("state", job.state).put("percentage", job.percentage);
        } else if (user.has(Fault.TASK_STATE_FIELD)) {
            task.put("taskState", job.state).put("percentage", job.percentage);
        } else if (user.has(Fault.TASK_FREE_TEXT_STATUS)) {
            String fixIds = String.join(
                    ", ", job.files.stream().map(DeclaredFile::fixId).distinct().toList());
            task.put("status", "Importing " + fixIds)
                    .put("taskState", job.state)
                    .put("percentage", job.percentage);
        } else {
            task.put("status", job.state).put("percentage", job.percentage);
        }
        ArrayNode messages = task.putArray("messages");
        ArrayNode children = task.putArray("children");
        if (job.phase == Phase.ENDED && user.has(Fault.TASK_FAILS)) {
            messages.add(failure(
                            "FQXHMUP4001L",
                            "The update package could not be imported.",
                            "The payload file failed its integrity check.",
                            "Download the update again, then import it.")
                    .get("messages")
                    .get(0));
        }
        if (job.phase == Phase.ENDED && user.has(Fault.TASK_CHILD_FAILS)) {
            ObjectNode child = children.addObject()
                    .put("jobUID", job.id + ".1")
                    .put("name", "Unpack payload")
                    .put("status", "Stopped_With_Error")
                    .put("percentage", 100);
            child.putArray("messages")
                    .add(failure(
                                    "FQXHMUP4002L",
                                    "The payload could not be unpacked.",
                                    "The repository has no free space left.",
                                    "Delete unused updates, then retry.")
                            .get("messages")
                            .get(0));
            child.putArray("children");
        }
        return task;
    }
}
