package io.github.lxca.importer;

import io.github.lxca.client.LxcaException;
import io.github.lxca.client.WhatToDo;
import java.util.List;

/** LXCA's repository has less free space than the sets to import need; nothing was deleted or uploaded. */
public class LxcaRepositorySpaceException extends LxcaException {
    public LxcaRepositorySpaceException(String headline, String suggestion) {
        super(headline, null, List.of(), suggestion, null);
    }

    @Override
    protected String defaultSuggestion() {
        return WhatToDo.REMOVE_UNNEEDED_UPDATES;
    }
}
