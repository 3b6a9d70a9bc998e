package io.github.lxca.client;

import java.util.List;

/** LXCA's reply could not be understood: malformed, truncated or missing a field. */
public class LxcaProtocolException extends LxcaException {
    public LxcaProtocolException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.POINT_AT_LXCA_OR_REPORT;
    }
}
