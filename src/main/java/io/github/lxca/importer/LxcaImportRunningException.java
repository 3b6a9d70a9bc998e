package io.github.lxca.importer;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaMessage;
import java.util.List;

/**
 * LXCA is still running another import of a fix id this build was to import (a killed build's, or a concurrent
 * pipeline's), and it did not end within the task timeout: no second import was started.
 */
public class LxcaImportRunningException extends LxcaException {
    public LxcaImportRunningException(String headline, String jobId, List<LxcaMessage> messages) {
        super(headline, jobId, messages, null, null);
    }

    @Override
    protected String defaultSuggestion() {
        return "wait for that job to end (Monitoring > Jobs in LXCA's web console), or cancel it there if it is left"
                + " over from a stopped build, then run again; this build did not start a second import";
    }
}
