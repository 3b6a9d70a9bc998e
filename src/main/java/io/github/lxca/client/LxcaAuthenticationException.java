package io.github.lxca.client;

import java.util.List;

/** LXCA refused the credentials, or the account cannot be used as it is. */
public class LxcaAuthenticationException extends LxcaException {
    public LxcaAuthenticationException(String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return "check the LXCA user name and password (the <server> of settings.xml named by lxca.serverId, or LXCA_USERNAME and LXCA_PASSWORD), and that the account is neither locked nor without access to LXCA";
    }
}
