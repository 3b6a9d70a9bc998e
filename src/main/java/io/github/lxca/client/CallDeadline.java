package io.github.lxca.client;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * The overall deadline of one request: when it passes, the request is cancelled through HttpClient's own
 * {@link HttpUriRequestBase#cancel()}, which shuts its connection, so that a reply trickling one byte at a time
 * cannot hold the build (HttpClient's response timeout is an idle timeout, restarted by every byte).
 *
 * <p>A request gets {@code limit} from its start: connecting (also bounded by the connect timeout), the TLS
 * handshake, sending and the whole reply. An upload's body may take as long as it needs to send, but each write
 * pushes the deadline to {@code limit} after it (no byte accepted for {@code limit} is a stall), and once the body is
 * sent the reply gets {@code limit}.
 */
final class CallDeadline implements AutoCloseable {
    /** One daemon timer for all clients of the JVM: it only cancels requests, never runs their work. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final HttpUriRequestBase request;
    private final long limitNanos;
    private volatile long deadlineNanos;
    private volatile boolean sending;
    private volatile boolean fired;
    private ScheduledFuture<?> check;

    private CallDeadline(HttpUriRequestBase request, Duration limit) {
        this.request = request;
        this.limitNanos = limit.toNanos();
        this.deadlineNanos = System.nanoTime() + limitNanos;
    }

    /** Starts the clock of a request that is about to be sent. */
    static CallDeadline start(HttpUriRequestBase request, Duration limit) {
        CallDeadline deadline = new CallDeadline(request, limit);
        deadline.schedule();
        return deadline;
    }

    private synchronized void schedule() {
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        check = TIMER.schedule(this::check, delay, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (System.nanoTime() - deadlineNanos < 0) {
            schedule(); // an upload made progress meanwhile
            return;
        }
        fired = true;
        request.cancel();
    }

    /** An upload's body accepted more bytes: it may stall for up to the limit from now. */
    void progress() {
        sending = true;
        deadlineNanos = System.nanoTime() + limitNanos;
    }

    /** An upload's body is sent: the reply gets the limit from now. */
    void bodySent() {
        sending = false;
        deadlineNanos = System.nanoTime() + limitNanos;
    }

    boolean fired() {
        return fired;
    }

    /** The failure to throw when the deadline cancelled the request. */
    Passed passed(Throwable cause) {
        Passed passed = new Passed(Duration.ofNanos(limitNanos), sending);
        passed.initCause(cause);
        return passed;
    }

    @Override
    public synchronized void close() {
        if (check != null) {
            check.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lxca-call-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * A request that its deadline cut off: LXCA did not answer within {@link #limit()} (or, while an upload was
     * sending, accepted no byte for that long).
     */
    static final class Passed extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;
        private final transient Duration limit;
        private final boolean whileSending;

        Passed(Duration limit, boolean whileSending) {
            super("no reply within " + limit.toSeconds() + " s");
            this.limit = limit;
            this.whileSending = whileSending;
        }

        Duration limit() {
            return limit;
        }

        boolean whileSending() {
            return whileSending;
        }
    }
}
