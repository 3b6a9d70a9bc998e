package io.github.lxca.client;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Makes a {@link Call} until it gets a reply worth returning: sends it again after a passing failure when
 * its {@link Call.Retry} allows, waiting as the {@link RetryPolicy} says, and logs in again once when LXCA
 * ended the session of a {@link Call.Session#RENEW_ON_401} call.
 */
final class RetryLoop {
    private static final Set<Integer> PASSING_STATUSES = Set.of(502, 503, 504);
    /** The longest wait a {@code Retry-After} header gets: a larger one would hold the build too long. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** Sends one attempt of a call. */
    interface Attempt {
        Reply send(Call call) throws IOException;
    }

    /** Opens a new session. */
    interface Login {
        void login() throws LxcaException;
    }

    private final RetryPolicy policy;
    private final LxcaLog log;
    private final ErrorTranslator errors;

    RetryLoop(RetryPolicy policy, LxcaLog log, ErrorTranslator errors) {
        this.policy = policy;
        this.log = log;
        this.errors = errors;
    }

    int retries() {
        return policy.retries();
    }

    /**
     * @param sessionOpen whether a session is open that LXCA may have ended
     * @param login opens a new session after LXCA ended the old one
     */
    Reply exchange(Call call, Attempt attempt, BooleanSupplier sessionOpen, Login login) throws LxcaException {
        return exchange(call, attempt, sessionOpen, login, () -> MAX_RETRY_AFTER.multipliedBy(1000));
    }

    /**
     * As {@link #exchange(Call, Attempt, BooleanSupplier, Login)}, within a time budget: no retry starts once
     * {@code left} is used up, and no wait before one is longer than what is left, so that the whole call ends
     * within the budget plus one attempt's deadline.
     */
    Reply exchange(Call call, Attempt attempt, BooleanSupplier sessionOpen, Login login, Supplier<Duration> left)
            throws LxcaException {
        boolean retrySafe = call.retry() == Call.Retry.SAFE;
        boolean loggedInAgain = false;
        for (int tries = 0; ; tries++) {
            Reply reply;
            try {
                reply = attempt.send(call);
            } catch (IOException e) {
                if (retrySafe && tries < policy.retries() && isPassing(e) && hasTime(left)) {
                    pause(
                            call,
                            tries + 1,
                            errors.connectionFailure(e, call.operation(), call.jobId(), 1)
                                    .getMessage(),
                            Optional.empty(),
                            left.get());
                    continue;
                }
                throw errors.connectionFailure(e, call.operation(), call.jobId(), tries + 1);
            }
            if (retrySafe && tries < policy.retries() && PASSING_STATUSES.contains(reply.status()) && hasTime(left)) {
                pause(call, tries + 1, "LXCA answered HTTP " + reply.status(), reply.retryAfter(), left.get());
                continue;
            }
            if (reply.status() == 401
                    && call.session() == Call.Session.RENEW_ON_401
                    && sessionOpen.getAsBoolean()
                    && !loggedInAgain) {
                log.info("LXCA ended the session (HTTP 401 when trying to " + call.operation() + "); logging in again");
                loggedInAgain = true;
                login.login();
                tries--; // logging in again is not a retry of this call
                continue;
            }
            return reply;
        }
    }

    private static boolean hasTime(Supplier<Duration> left) {
        Duration remaining = left.get();
        return !remaining.isNegative() && !remaining.isZero();
    }

    /**
     * Waits the policy's backoff, or as long as the reply's {@code Retry-After} asks when that is longer; never
     * longer than {@code left}.
     */
    private void pause(Call call, int retryNumber, String reason, Optional<Duration> retryAfter, Duration left)
            throws LxcaException {
        Duration backoff = policy.delayBefore(retryNumber);
        Optional<Duration> asked = retryAfter
                .filter(wait -> wait.compareTo(backoff) > 0)
                .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
        Duration wanted = asked.orElse(backoff);
        Duration delay = wanted.compareTo(left) > 0 ? left : wanted;
        log.info(reason + "; trying again to " + call.operation() + " in "
                + String.format(Locale.ROOT, "%.1f", delay.toMillis() / 1000.0) + " s (retry " + retryNumber + " of "
                + policy.retries() + (asked.isPresent() ? ", as its Retry-After asks" : "") + ")");
        try {
            policy.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LxcaConnectionException(
                    "Interrupted while waiting to " + call.operation(), call.jobId(), List.of(), null, e);
        }
    }

    /** A failure that may pass: not TLS, not an unknown host, not a file that changed under the upload. */
    private static boolean isPassing(IOException e) {
        return !(e instanceof SSLException)
                && !(e instanceof UnknownHostException)
                && !(e instanceof UploadFileBody.FileChangedException);
    }
}
