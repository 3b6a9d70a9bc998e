package io.github.lxca.apply;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaMessage;
import java.util.List;

/** An apply that did not end with LXCA running the update; {@link #record()} holds what was seen until then. */
public class LxcaApplyException extends LxcaException {
    private final ApplyRecord record;

    public LxcaApplyException(
            ApplyOutcome outcome, String headline, ApplyRecord seen, List<LxcaMessage> messages, String whatToDo) {
        super(headline, seen.jobId(), messages, whatToDo, null);
        this.record = seen.failed(outcome, headline);
    }

    public ApplyOutcome outcome() {
        return record.outcome();
    }

    public ApplyRecord record() {
        return record;
    }

    @Override
    public String describe() {
        String text = super.describe();
        // the base class speaks of an import job
        return text.replace(" (import job " + record.jobId() + ")", " (apply job " + record.jobId() + ")");
    }

    @Override
    protected String defaultSuggestion() {
        return "check the update's state in LXCA's web console (Administration > Update Management Server)";
    }
}
