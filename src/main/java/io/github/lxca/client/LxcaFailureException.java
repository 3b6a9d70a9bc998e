package io.github.lxca.client;

import java.util.List;

/**
 * A failure that no code branches on, only the user reads: its {@link Kind} says which, and supplies the "What to do"
 * for when the place that raised it knows nothing better. The types code does branch on (a connection, a certificate,
 * the configuration, a refusal, a protocol error, a failed or timed-out task, the apply) stay types of their own.
 */
public final class LxcaFailureException extends LxcaException {

    /** Which failure, and what to do about it by default. */
    public enum Kind {
        /** LXCA refused the credentials, or the account cannot be used as it is. */
        AUTHENTICATION(WhatToDo.CHECK_THE_CREDENTIALS),
        /**
         * A file of the update set changed on disk while it was uploaded, so what LXCA got is not what was checked.
         * Not a network failure: uploading again would not help until the file stops changing.
         */
        UPLOAD_SOURCE_CHANGED(WhatToDo.KEEP_THE_FOLDER_STILL),
        /** LXCA's repository already holds an update that was to be imported, and onExisting is fail. */
        UPDATE_PRESENT(WhatToDo.SKIP_REPLACE_OR_REMOVE),
        /** LXCA's repository has less free space than the sets to import need; nothing was deleted or uploaded. */
        REPOSITORY_SPACE(WhatToDo.REMOVE_UNNEEDED_UPDATES),
        /**
         * LXCA is still running another import of a fix id this build was to import (a killed build's, or a
         * concurrent pipeline's), and it did not end within the task timeout: no second import was started.
         */
        IMPORT_RUNNING(WhatToDo.WAIT_FOR_THE_OTHER_IMPORT),
        /**
         * With onExisting=replace, the update was deleted from LXCA's repository and importing it again then failed:
         * LXCA no longer holds it.
         */
        REPLACE_FAILED(WhatToDo.RUN_AGAIN_TO_IMPORT),
        /** The import job ended well, but LXCA's repository does not list every update it was to import. */
        VERIFICATION(WhatToDo.CHECK_THE_JOB_LOG);

        private final String whatToDo;

        Kind(String whatToDo) {
            this.whatToDo = whatToDo;
        }

        /** What to do about this kind of failure when the place that raised it knows nothing better. */
        public String whatToDo() {
            return whatToDo;
        }
    }

    private final Kind kind;

    public LxcaFailureException(
            Kind kind, String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    protected String defaultSuggestion() {
        return kind.whatToDo();
    }
}
