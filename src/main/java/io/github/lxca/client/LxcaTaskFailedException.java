package io.github.lxca.client;

import java.util.List;

/** The import task ended in a failed state (itself or one of its child tasks). */
public class LxcaTaskFailedException extends LxcaException {
    public LxcaTaskFailedException(String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return "follow LXCA's recovery advice above; the job's full log is under Monitoring > Jobs in LXCA's web console";
    }
}
