package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.readJson;
import static io.github.lxca.simulator.Replies.success;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.simulator.SimulatorState.DeclaredFile;
import io.github.lxca.simulator.SimulatorState.Job;
import io.github.lxca.simulator.SimulatorState.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /managementServer/updates?action=import}: creates an import job for the files it declares. */
final class ImportJobs {
    private final SimulatorState state;

    ImportJobs(SimulatorState state) {
        this.state = state;
    }

    Reply create(Call call) throws IOException {
        User user = call.user();
        JsonNode body = readJson(call.request());
        if (body == null || !body.path("files").isArray() || body.path("files").isEmpty()) {
            return json(
                    400, failure("FQXHMUP2001L", "The import request is not valid.", "The files list is missing.", ""));
        }
        List<DeclaredFile> files = new ArrayList<>();
        for (JsonNode file : body.get("files")) {
            files.add(new DeclaredFile(
                    file.path("name").asText(),
                    file.path("size").asLong(-1),
                    file.path("type").asText()));
        }
        if (user.has(Fault.CREATE_JOB_RESULT_FAILURE)) {
            ObjectNode reply = failure(
                    "FQXHMUP2100L",
                    "The import job could not be created.",
                    "Another repository operation is in progress.",
                    "Wait for it to finish, then retry.");
            reply.put("result", "failure");
            return json(200, reply);
        }
        String id = String.valueOf(state.nextJobId.getAndIncrement());
        if (!user.has(Fault.TRICKLE_CREATE_JOB)) { // its id never reaches the client: no job is kept for it
            state.jobs.put(id, new Job(id, user, files));
        }
        state.event("create-job " + id + " " + user.name());
        if (user.has(Fault.CREATE_JOB_WITHOUT_ID)) {
            return json(200, success());
        }
        if (user.has(Fault.CREATE_JOB_WARNING)) {
            ObjectNode reply = failure(
                    "FQXHMUP2150W",
                    "The repository is almost full.",
                    "Less than 10 percent of the updates repository is free.",
                    "Delete updates that are no longer needed.");
            return json(200, reply.put("result", "warning").put("jobid", id));
        }
        ObjectNode reply = success();
        if (user.has(Fault.CREATE_JOB_NUMERIC_ID)) {
            reply.put("jobid", Long.parseLong(id));
        } else {
            reply.put("jobid", id);
        }
        Reply answer = json(user.has(Fault.CREATE_JOB_201) ? 201 : 200, reply);
        return user.has(Fault.TRICKLE_CREATE_JOB) ? answer.trickled() : answer;
    }
}
