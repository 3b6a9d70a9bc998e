package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.simulator.SimulatorState.User;
import java.util.Optional;

/** The failures a user's {@link Fault}s make an upload answer instead of taking its files, each as LXCA words it. */
final class UploadFaults {
    private UploadFaults() {}

    static Optional<Reply> injected(User user) {
        if (user.has(Fault.UPLOAD_409)) {
            return Optional.of(json(
                    409,
                    failure(
                            "FQXHMUP2502L",
                            "The repository operation failed.",
                            "The update is being imported by another job.",
                            "Wait for the other job to finish. Retry the operation.")));
        }
        if (user.has(Fault.UPLOAD_409_ERRORMSG)) {
            ObjectNode reply = object().put("result", "failed");
            ObjectNode error = reply.putObject("errorMsg").put("result", "major");
            error.set(
                    "messages",
                    failure(
                                    "FQXHMUP2502L",
                                    "The repository operation failed.",
                                    "The operation failed for an unknown reason. The network connection might have gone down",
                                    "Check the network connection. Retry the operation.")
                            .get("messages"));
            return Optional.of(json(409, reply));
        }
        if (user.has(Fault.UPLOAD_409_NESTED_STATUS)) {
            ObjectNode reply = object();
            reply.putArray("updates");
            reply.set(
                    "status",
                    failure(
                            "FQXHMUP2503L",
                            "The update is being imported by another job.",
                            "Only one import may run at a time.",
                            "Wait for the other import to finish, then retry."));
            return Optional.of(json(409, reply));
        }
        if (user.has(Fault.UPLOAD_STATE_FAILURE)) {
            return Optional.of(json(
                    200,
                    object().put("state", "failure")
                            .put("progress", 100)
                            .put("current", "The files could not be saved to the repository.")));
        }
        if (user.has(Fault.UPLOAD_500)) {
            ObjectNode reply = object().put("result", "failed");
            reply.putArray("messages")
                    .addObject()
                    .put("id", "FQXHMUP2999M")
                    .put("text", "An internal error occurred.")
                    .put("explanation", "The update service stopped unexpectedly.")
                    .put("recovery", "Restart the management server, then retry.")
                    .put("recoveryUrl", "https://lxca.example/help/FQXHMUP2999M");
            return Optional.of(json(500, reply));
        }
        if (user.has(Fault.UPLOAD_500_HTML)) {
            return Optional.of(Replies.html(
                    500,
                    "<html><head><title>500 Internal Server Error</title>"
                            + "<style>body{color:red}</style></head><body><h1>Internal Server Error</h1>"
                            + "<p>The proxy could not reach the upstream server.</p></body></html>"));
        }
        if (user.has(Fault.UPLOAD_500_EMPTY)) {
            return Optional.of(Replies.empty(500));
        }
        if (user.has(Fault.UPLOAD_503)) {
            return Optional.of(json(503, failure("FQXHMSE0503J", "The service is busy.", "", "Retry later."))
                    .withHeader("Retry-After", "1"));
        }
        if (user.has(Fault.UPLOAD_500_ENDLESS)) {
            return Optional.of(Reply.ENDLESS);
        }
        return Optional.empty();
    }
}
