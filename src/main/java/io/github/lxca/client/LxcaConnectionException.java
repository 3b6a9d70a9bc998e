package io.github.lxca.client;

import java.util.List;

/** LXCA could not be reached, or the connection broke before a reply came. */
public class LxcaConnectionException extends LxcaException {
    public LxcaConnectionException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.CHECK_THAT_LXCA_IS_UP;
    }
}
