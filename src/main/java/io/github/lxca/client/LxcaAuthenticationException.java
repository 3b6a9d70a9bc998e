package io.github.lxca.client;

import java.util.List;

/** LXCA refused the credentials, or the account cannot be used as it is. */
public class LxcaAuthenticationException extends LxcaException {
    public LxcaAuthenticationException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.CHECK_THE_CREDENTIALS;
    }
}
