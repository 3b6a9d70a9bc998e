package io.github.lxca.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.LxcaRejectedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    @Test
    void anUnexpectedRuntimeExceptionIsCalledABugWithItsType() {
        NullPointerException bug = new NullPointerException();

        String message = FailureMessage.of(bug);

        assertTrue(FailureMessage.isBug(bug));
        assertEquals(
                "The import stopped on an unexpected java.lang.NullPointerException: this is a bug in"
                        + " lxca-maven-plugin, please report it with the -X log",
                message.lines().findFirst().orElseThrow());
        assertTrue(message.contains("\nWhat to do: run again with -X"), message);
        assertFalse(message.startsWith("null"), message);
    }

    @Test
    void aBugKeepsItsOwnMessageBesideItsType() {
        String message = FailureMessage.of(new IllegalStateException("no task list"));

        assertTrue(
                message.startsWith(
                        "The import stopped on an unexpected java.lang.IllegalStateException (no task list): "
                                + FailureMessage.BUG),
                message);
    }

    @Test
    void lxcasExpectedFailuresKeepTheirOneLineHeadline() {
        LxcaRejectedException refused = new LxcaRejectedException(
                "LXCA refused to upload the update files: HTTP 409", 409, "7", List.of(), "wait for the other job");

        String message = FailureMessage.of(refused);

        assertFalse(FailureMessage.isBug(refused));
        assertEquals(
                "LXCA refused to upload the update files: HTTP 409 (import job 7)",
                message.lines().findFirst().orElseThrow());
        assertFalse(message.contains("bug"), message);
    }

    @Test
    void anExpectedFailureOutsideLxcaIsItsOwnMessage() {
        assertEquals("the disk is full", FailureMessage.of(new java.io.IOException("the disk is full")));
    }
}
