package io.github.lxca.client;

import java.util.List;

/**
 * A file of the update set changed on disk while it was uploaded, so what LXCA got is not what was
 * checked. Not a network failure: uploading again would not help until the file stops changing.
 */
public class LxcaUploadSourceException extends LxcaException {
    public LxcaUploadSourceException(
            String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.KEEP_THE_FOLDER_STILL;
    }
}
