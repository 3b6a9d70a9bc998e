package io.github.lxca.importer;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.WhatToDo;
import java.util.List;

/**
 * With onExisting=replace, the update was deleted from LXCA's repository and importing it again then
 * failed: LXCA no longer holds it. Carries the failure that stopped the import, with LXCA's messages.
 */
public class LxcaReplaceFailedException extends LxcaException {
    public LxcaReplaceFailedException(List<String> deleted, LxcaException importFailure) {
        super(
                "LXCA no longer holds " + String.join(", ", deleted) + ": onExisting=replace deleted "
                        + pronoun(deleted) + ", and importing " + pronoun(deleted) + " again failed: "
                        + importFailure.getMessage(),
                importFailure.jobId().orElse(null),
                importFailure.messages(),
                WhatToDo.importAgainAfterReplace(
                        importFailure.whatToDo(), String.join(", ", deleted), pronoun(deleted)),
                importFailure);
    }

    private static String pronoun(List<String> deleted) {
        return deleted.size() > 1 ? "them" : "it";
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.RUN_AGAIN_TO_IMPORT;
    }
}
