package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one type of the failures no code branches on: each kind says what to do when its raiser knows nothing better. */
class LxcaFailureExceptionTest {

    @ParameterizedTest
    @EnumSource(LxcaFailureException.Kind.class)
    void everyKindEndsWithAWhatToDoLineOfItsOwn(LxcaFailureException.Kind kind) {
        LxcaFailureException e = new LxcaFailureException(kind, "It failed", "3", List.of(), null, null);

        assertEquals(kind, e.kind());
        assertEquals(kind.whatToDo(), e.whatToDo());
        assertTrue(e.describe().endsWith("\nWhat to do: " + kind.whatToDo()), e.describe());
        assertTrue(kind.whatToDo().length() > 20, kind + ": " + kind.whatToDo());
    }

    @Test
    void theRaisersAdviceWinsOverTheKinds() {
        LxcaFailureException e = new LxcaFailureException(
                LxcaFailureException.Kind.UPDATE_PRESENT, "It is there", null, List.of(), "do this", null);

        assertEquals("do this", e.whatToDo());
    }

    @Test
    void theAdviceOfTheKindsIsWordForWordWhatTheTypesSaidBefore() {
        assertEquals(
                "wait for that job to end (Monitoring > Jobs in LXCA's web console), or cancel it there if it is left"
                        + " over from a stopped build, then run again; this build did not start a second import",
                LxcaFailureException.Kind.IMPORT_RUNNING.whatToDo());
        assertEquals(WhatToDo.CHECK_THE_CREDENTIALS, LxcaFailureException.Kind.AUTHENTICATION.whatToDo());
        assertEquals(WhatToDo.KEEP_THE_FOLDER_STILL, LxcaFailureException.Kind.UPLOAD_SOURCE_CHANGED.whatToDo());
        assertEquals(WhatToDo.REMOVE_UNNEEDED_UPDATES, LxcaFailureException.Kind.REPOSITORY_SPACE.whatToDo());
        assertEquals(WhatToDo.RUN_AGAIN_TO_IMPORT, LxcaFailureException.Kind.REPLACE_FAILED.whatToDo());
        assertEquals(WhatToDo.SKIP_REPLACE_OR_REMOVE, LxcaFailureException.Kind.UPDATE_PRESENT.whatToDo());
        assertEquals(WhatToDo.CHECK_THE_JOB_LOG, LxcaFailureException.Kind.VERIFICATION.whatToDo());
    }
}
