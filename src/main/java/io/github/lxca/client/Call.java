package io.github.lxca.client;

import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * One call to LXCA, as {@link RetryLoop} makes it.
 *
 * @param operation what the call is for, in words that fit "trying to ..." in a message
 * @param jobId the import job the call concerns, or null
 * @param request makes a fresh request for each attempt, so that no body is ever sent twice by accident
 */
record Call(String operation, String jobId, Retry retry, Session session, Supplier<HttpUriRequestBase> request) {

    /** Whether a passing failure (connection refused or reset, 502, 503, 504) is answered by sending the same request again. */
    enum Retry {
        /** Sending the request again does no harm: it is idempotent. */
        SAFE,
        /** Sent once; a failure is the caller's to handle. */
        NEVER
    }

    /** What a 401 means for this call. */
    enum Session {
        /** The session expired: log in again once and repeat the request. */
        RENEW_ON_401,
        /** The call does not run in a session (log in, log out): a 401 is the answer. */
        NONE
    }
}
