package io.github.lxca.client;

import java.util.List;

/** The import task ended in a failed state (itself or one of its child tasks). */
public class LxcaTaskFailedException extends LxcaException {
    public LxcaTaskFailedException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.FOLLOW_THE_RECOVERY_ADVICE_AND_THE_JOB_LOG;
    }
}
