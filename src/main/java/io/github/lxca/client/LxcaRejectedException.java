package io.github.lxca.client;

import java.util.List;

/** LXCA answered a request with an error status, or with a result other than success. */
public class LxcaRejectedException extends LxcaException {
    private final int status;

    public LxcaRejectedException(
            String headline, int status, String jobId, List<LxcaMessage> messages, String suggestion) {
        super(headline, jobId, messages, suggestion, null);
        this.status = status;
    }

    /** The HTTP status of the reply. */
    public int status() {
        return status;
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.FOLLOW_THE_RECOVERY_ADVICE;
    }
}
