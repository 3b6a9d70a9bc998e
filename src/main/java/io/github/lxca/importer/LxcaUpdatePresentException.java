package io.github.lxca.importer;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaMessage;
import io.github.lxca.client.WhatToDo;
import java.util.List;

/** LXCA's repository already holds an update that was to be imported, and onExisting is fail. */
public class LxcaUpdatePresentException extends LxcaException {
    public LxcaUpdatePresentException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.SKIP_REPLACE_OR_REMOVE;
    }
}
