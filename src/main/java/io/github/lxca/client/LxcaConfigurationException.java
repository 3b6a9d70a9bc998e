package io.github.lxca.client;

import java.util.List;

/** The client's own settings are unusable (a trust store that cannot be read, a bad URL). */
public class LxcaConfigurationException extends LxcaException {
    public LxcaConfigurationException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.CORRECT_THE_SETTING;
    }
}
