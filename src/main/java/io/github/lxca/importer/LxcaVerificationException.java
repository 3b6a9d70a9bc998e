package io.github.lxca.importer;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaMessage;
import io.github.lxca.client.WhatToDo;
import java.util.List;

/** The import job ended well, but LXCA's repository does not list every update it was to import. */
public class LxcaVerificationException extends LxcaException {
    public LxcaVerificationException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.CHECK_THE_JOB_LOG;
    }
}
