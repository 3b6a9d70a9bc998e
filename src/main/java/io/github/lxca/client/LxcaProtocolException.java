package io.github.lxca.client;

import java.util.List;

/** LXCA's reply could not be understood: malformed, truncated or missing a field. */
public class LxcaProtocolException extends LxcaException {
    public LxcaProtocolException(String headline, String jobId, List<LxcaMessage> messages, String suggestion, Throwable cause) {
        super(headline, jobId, messages, suggestion, cause);
    }

    @Override
    protected String defaultSuggestion() {
        return "check that lxca.url points at LXCA itself and not at a proxy, load balancer or login page; if it does, this LXCA answers in a way the plugin does not know: report it with the -X log";
    }
}
