package io.github.lxca.client;

import java.util.List;
import java.util.Optional;

/**
 * A failure talking to LXCA. The message is one headline; {@link #messages()} holds LXCA's own
 * messages when it sent any; the suggestion, what to do next, ends {@link #describe()}; {@link #jobId()} names the
 * import job once there is one.
 */
public class LxcaException extends Exception {
    private final String jobId;
    private final List<LxcaMessage> messages;
    private final String suggestion;

    public LxcaException(String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, cause);
        this.jobId = jobId;
        this.messages = List.copyOf(messages);
        this.suggestion = suggestion;
    }

    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    public List<LxcaMessage> messages() {
        return messages;
    }

    /** The whole report for a person: headline, job id, LXCA's messages, and what to do. */
    public String describe() {
        StringBuilder out = new StringBuilder(getMessage());
        if (jobId != null && !getMessage().contains("job " + jobId)) {
            out.append(" (import job ").append(jobId).append(')');
        }
        String lxcaSays = LxcaMessage.describeAll(messages);
        if (!lxcaSays.isEmpty()) {
            out.append("\nLXCA says:\n").append(lxcaSays.indent(2).stripTrailing());
        }
        if (suggestion != null) {
            out.append("\nWhat to do: ").append(suggestion);
        }
        return out.toString();
    }
}
