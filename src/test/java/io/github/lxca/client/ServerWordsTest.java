package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing the server says is used unchecked: job ids must look like ids, every server text is cleaned and masked by
 * {@link ServerText}, and the "What to do" of a refusal points only at what is really there (issue 22, items 3 and 6).
 */
class ServerWordsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private Reply reply(int status, String body, String location) {
        return new Reply(status, body.getBytes(StandardCharsets.UTF_8), false, null, mapper, location);
    }

    @Test
    void aJobIdThatWouldForgeALogLineIsRefusedAndShownOnOneLine() {
        LxcaProtocolException e = assertThrows(
                LxcaProtocolException.class, () -> JobIds.require("1\n[INFO] BUILD SUCCESS", "create the import job"));
        assertEquals(
                "LXCA's reply to create the import job names a job id that is not an id: \"1 [INFO] BUILD SUCCESS\""
                        + " (22 characters); a job id is letters, digits, - and _, at most 64 characters",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aJobIdThatWouldLeaveItsPathIsRefused() {
        LxcaProtocolException e =
                assertThrows(LxcaProtocolException.class, () -> JobIds.require("..", "create the import job"));
        assertTrue(e.getMessage().contains("names a job id that is not an id: \"..\""), e.getMessage());
        assertThrows(LxcaProtocolException.class, () -> JobIds.require("7/../../sessions", "apply X"));
        assertThrows(LxcaProtocolException.class, () -> JobIds.require("9".repeat(65), "apply X"));
        assertEquals("12", assertDoesNotThrow("12"));
        assertEquals("job_7-a", assertDoesNotThrow("job_7-a"));
    }

    @Test
    void aRefusedJobIdOf64CharactersIsShownWholeAndALongerOneCut() {
        String exactly = "7".repeat(63) + "/";
        LxcaProtocolException whole =
                assertThrows(LxcaProtocolException.class, () -> JobIds.require(exactly, "create the import job"));
        assertTrue(whole.getMessage().contains("not an id: \"" + exactly + "\" (64 characters)"), whole.getMessage());

        LxcaProtocolException cut =
                assertThrows(LxcaProtocolException.class, () -> JobIds.require(exactly + "x", "create the import job"));
        assertTrue(cut.getMessage().contains("not an id: \"" + exactly + "…\" (65 characters)"), cut.getMessage());
    }

    private static String assertDoesNotThrow(String id) {
        try {
            return JobIds.require(id, "create the import job");
        } catch (LxcaProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void serverTextLosesControlCharactersAndEverySecretOfTheSession() {
        try (ServerText.Secrets secrets = new ServerText.Secrets()) {
            secrets.add("Pa55-echoed-w0rd");
            secrets.add("b3f1-session-id");
            assertEquals(
                    "Invalid password *** for session *** [INFO] BUILD SUCCESS  x",
                    ServerText.clean("Invalid password Pa55-echoed-w0rd for session b3f1-session-id\n[INFO] BUILD"
                            + " SUCCESS\u202e\u0007x"));
        }
    }

    @Test
    void aSecretOfThreeCharactersIsMaskedAndAShorterOneIsNot() {
        try (ServerText.Secrets secrets = new ServerText.Secrets()) {
            secrets.add("q7Z");
            secrets.add("k9");
            assertEquals("*** k9", ServerText.clean("q7Z k9"));
        }
        assertNull(ServerText.clean(null));
        assertEquals("", ServerText.clean(""));
    }

    @Test
    void aClientClosedTwiceStillLeavesTheSecretAnOpenClientShares() {
        ServerText.Secrets first = new ServerText.Secrets();
        ServerText.Secrets second = new ServerText.Secrets();
        first.add("Tw1ce-Shared-Pa55");
        second.add("Tw1ce-Shared-Pa55");

        first.close();
        first.close();

        assertEquals("***", ServerText.clean("Tw1ce-Shared-Pa55"), "the second client is still open");
        second.close();
        assertEquals("Tw1ce-Shared-Pa55", ServerText.clean("Tw1ce-Shared-Pa55"));
    }

    @Test
    void aClosedClientsSecretsAreForgottenButOneAnOpenClientSharesIsStillMasked() {
        int before = ServerText.secretsHeld();
        ServerText.Secrets first = new ServerText.Secrets();
        ServerText.Secrets second = new ServerText.Secrets();
        first.add("Shared-Pa55-w0rd");
        first.add("first-session-id");
        second.add("Shared-Pa55-w0rd");

        first.close();
        assertEquals("*** first-session-id", ServerText.clean("Shared-Pa55-w0rd first-session-id"));

        second.close();
        assertEquals("Shared-Pa55-w0rd", ServerText.clean("Shared-Pa55-w0rd"));
        assertEquals(before, ServerText.secretsHeld(), "nothing gathers in a JVM that runs many builds");
    }

    @Test
    void aMessageThatEchoesThePasswordPrintsItMasked() throws Exception {
        ServerText.Secrets secrets = new ServerText.Secrets();
        secrets.add("Echo-Me-Pa55");
        Reply reply = reply(
                401,
                "{\"result\":\"failed\",\"messages\":[{\"id\":\"FQXHMSE0200J\",\"text\":\"Password Echo-Me-Pa55 is"
                        + " wrong\\r\\n[INFO] BUILD SUCCESS\",\"explanation\":\"\",\"recovery\":\"\"}]}",
                null);
        LxcaFailureException e = ErrorTranslator.loginRefused(reply, new Credentials("u", "Echo-Me-Pa55", "t"));
        String shown = LxcaMessage.describeAll(e.messages());
        secrets.close();
        assertEquals("FQXHMSE0200J: Password *** is wrong  [INFO] BUILD SUCCESS", shown);
    }

    @Test
    void aRedirectNamesItsStatusAndLocationAndPointsAtNothingAbove() {
        LxcaRejectedException e = assertThrows(
                LxcaRejectedException.class,
                () -> ErrorTranslator.requireSuccess(
                        reply(302, "", "https://portal.example/login?next=%2F"), "create the import job", null));
        assertEquals(
                "LXCA refused to create the import job: HTTP 302, a redirect to https://portal.example/login?next=%2F,"
                        + " not followed; reply (empty body)",
                e.getMessage());
        assertTrue(
                e.whatToDo()
                        .startsWith("LXCA (or something in front of it) redirected the request to"
                                + " https://portal.example/login?next=%2F; check that lxca.url is LXCA's own address"),
                e.whatToDo());
        assertFalse(e.whatToDo().contains("above"), e.whatToDo());

        LxcaRejectedException without = assertThrows(
                LxcaRejectedException.class,
                () -> ErrorTranslator.requireSuccess(reply(307, "", null), "create the import job", null));
        assertTrue(without.getMessage().contains("HTTP 307, a redirect without a Location, not followed"));
        assertTrue(without.whatToDo().contains("redirected the request without saying where"), without.whatToDo());
    }

    @Test
    void anHtml500WithoutAdvicePointsAtNoAdviceAbove() {
        LxcaRejectedException e = assertThrows(
                LxcaRejectedException.class,
                () -> ErrorTranslator.requireSuccess(
                        reply(500, "<html><body>Internal Server Error</body></html>", null),
                        "upload the update files",
                        "4"));
        assertEquals(
                "LXCA failed internally and gave no recovery advice; check the jobs log in LXCA's web console"
                        + " (Monitoring > Jobs) and its service log, then run again",
                e.whatToDo());
        LxcaRejectedException advised = assertThrows(
                LxcaRejectedException.class,
                () -> ErrorTranslator.requireSuccess(
                        reply(
                                500,
                                "{\"result\":\"failed\",\"messages\":[{\"id\":\"X\",\"text\":\"t\","
                                        + "\"recovery\":{\"text\":\"Restart the service.\"}}]}",
                                null),
                        "upload the update files",
                        "4"));
        assertTrue(advised.whatToDo().contains("follow its recovery advice above"), advised.whatToDo());
    }

    @Test
    void aFailedJobWithoutAdvicePointsAtTheJobLog() {
        assertEquals(
                "LXCA gave no recovery advice; read the job's log under Monitoring > Jobs in LXCA's web console,"
                        + " fix the cause, then run again",
                WhatToDo.forFailedJob(List.of(new LxcaMessage("X", "failed", "", "", ""))));
        assertEquals(
                WhatToDo.FOLLOW_THE_RECOVERY_ADVICE_AND_THE_JOB_LOG,
                WhatToDo.forFailedJob(List.of(new LxcaMessage("X", "failed", "", "Retry.", ""))));
    }
}
