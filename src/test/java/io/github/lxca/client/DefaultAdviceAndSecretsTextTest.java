package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure raised without advice of its own gives its type's "What to do" (every place in the plugin names one
 * today, so only a new place would fall back on it); the settings that hold a password never print it; and a job id
 * is read from where LXCA puts it and goes on only when it looks like one.
 */
class DefaultAdviceAndSecretsTextTest {
    private static final List<LxcaMessage> NONE = List.of();

    @Test
    void eachFailureTypeHasAdviceOfItsOwnWhenTheRaiserGivesNone() {
        assertEquals(
                WhatToDo.POINT_AT_LXCA_OR_REPORT, new LxcaProtocolException("h", null, NONE, null, null).whatToDo());
        assertEquals(
                WhatToDo.CORRECT_THE_SETTING, new LxcaConfigurationException("h", null, NONE, null, null).whatToDo());
        assertEquals(
                WhatToDo.CHECK_THAT_LXCA_IS_UP, new LxcaConnectionException("h", null, NONE, null, null).whatToDo());
        assertEquals(
                WhatToDo.FOLLOW_THE_RECOVERY_ADVICE_AND_THE_JOB_LOG,
                new LxcaTaskFailedException("h", "7", NONE, null, null).whatToDo());
        assertEquals(
                WhatToDo.THE_JOB_MAY_STILL_RUN, new LxcaTaskTimeoutException("h", "7", NONE, null, null).whatToDo());
        assertEquals(
                WhatToDo.FOLLOW_THE_RECOVERY_ADVICE, new LxcaRejectedException("h", 409, null, NONE, null).whatToDo());
        assertEquals(WhatToDo.TRUST_THE_CERTIFICATE, new LxcaCertificateException("h", "AB:CD", null, null).whatToDo());
        // the raiser's own advice wins
        assertEquals("do this", new LxcaConnectionException("h", null, NONE, "do this", null).whatToDo());
    }

    @Test
    void credentialsNameTheUserAndWhereItCameFromButNotThePassword() {
        String text = new Credentials("admin", "S3cret-pw", "the <server> 'lxca' in settings.xml").toString();
        assertEquals("Credentials[username=admin, password=****, source=the <server> 'lxca' in settings.xml]", text);
        assertFalse(text.contains("S3cret-pw"), text);
    }

    @Test
    void trustSettingsNameTheStoreAndTheFingerprintButNotTheStorePassword() {
        String text = new TrustSettings(Path.of("/ci/lxca.p12"), "st0re-pw", "AB:CD", false, null).toString();
        assertEquals("TrustSettings[trustStore=/ci/lxca.p12, fingerprint=AB:CD, insecure=false]", text);
        assertFalse(text.contains("st0re-pw"), text);
    }

    @Test
    void aProxyNamesItsUserButNotThePasswordAndNoUserWhenThereIsNone() {
        ProxySettings withUser = new ProxySettings("proxy.example.com", 3128, "proxy-user", "pr0xy-pw");
        assertTrue(withUser.hasCredentials());
        assertEquals("ProxySettings[proxy.example.com:3128, user proxy-user, password ****]", withUser.toString());
        assertFalse(withUser.toString().contains("pr0xy-pw"));
        ProxySettings anonymous = new ProxySettings("proxy.example.com", 3128, null, null);
        assertFalse(anonymous.hasCredentials());
        assertFalse(new ProxySettings("proxy.example.com", 3128, "", "x").hasCredentials());
        assertEquals("ProxySettings[proxy.example.com:3128]", anonymous.toString());
    }

    @Test
    void aJobIdIsReadWhereLxcaPutsItAndPassesOnlyWhenItLooksLikeOne() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("12", JobIds.in(json.readTree("{\"jobid\":\"12\"}")));
        assertEquals("13", JobIds.in(json.readTree("{\"taskid\":\"13\"}")));
        assertEquals("14", JobIds.in(json.readTree("{\"response\":{\"jobId\":\"14\"}}")));
        assertEquals(null, JobIds.in(json.readTree("{\"result\":\"success\"}")));
        assertEquals(null, JobIds.in(null));

        assertTrue(JobIds.isId("job_42-a"));
        assertFalse(JobIds.isId("../42"));
        assertFalse(JobIds.isId("4\n2"));
        assertFalse(JobIds.isId(""));
        assertFalse(JobIds.isId(null));
        assertFalse(JobIds.isId("9".repeat(JobIds.LONGEST + 1)));
        assertEquals("42", JobIds.require("42", "the upload"));
    }
}
