package io.github.lxca.client;

import java.util.List;
import java.util.Optional;

/**
 * A failure talking to LXCA. The message is one headline; {@link #messages()} holds LXCA's own
 * messages when it sent any; {@link #whatToDo()}, what to do next (falling back on what each type of
 * failure calls for), ends {@link #describe()}; {@link #jobId()} names the import job once there is one.
 */
public abstract class LxcaException extends Exception {
    private final String jobId;
    private final List<LxcaMessage> messages;
    private final String suggestion;

    public LxcaException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
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

    /** What to do next: the advice of the place that raised it, else what this type of failure calls for. */
    public String whatToDo() {
        return suggestion != null ? suggestion : defaultSuggestion();
    }

    /** What to do about this type of failure when the place that raised it knows nothing better. */
    protected abstract String defaultSuggestion();

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
        out.append("\nWhat to do: ").append(whatToDo());
        return out.toString();
    }
}
