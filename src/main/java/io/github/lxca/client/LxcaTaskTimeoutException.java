package io.github.lxca.client;

import java.util.List;

/** The import task did not end within the configured task timeout. */
public class LxcaTaskTimeoutException extends LxcaException {
    public LxcaTaskTimeoutException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.THE_JOB_MAY_STILL_RUN;
    }
}
