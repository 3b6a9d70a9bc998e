package io.github.lxca.importer;

import io.github.lxca.client.LxcaClient;
import io.github.lxca.client.LxcaLog;

/**
 * While an import runs, a JVM shutdown (Ctrl-C, a CI job cancelled) logs out of LXCA and says what
 * state the job was left in. Closing the guard removes the hook. The hook runs on its own thread while the build's
 * thread may still be calling LXCA: it uses only the client's calls that are safe across threads (cancelling once,
 * logging out), and once it has logged out the client opens no new session.
 */
final class InterruptionGuard implements AutoCloseable {
    private final Thread hook;
    private volatile String jobId;
    private volatile String jobState;

    private InterruptionGuard(LxcaClient client, LxcaLog log) {
        this.hook = new Thread(
                () -> {
                    String job = jobId;
                    String state = jobState;
                    log.warn("Stopped while importing into LXCA; logging out. "
                            + (job == null
                                    ? "No import job was created."
                                    : "Import job " + job + " was left " + state + "; see Monitoring > Jobs in LXCA."));
                    if (job != null) {
                        log.warn(
                                client.cancelJobOnce(job)
                                        ? "Cancelled import job " + job
                                                + ", which this build created and did not complete"
                                        : "Could not cancel import job " + job
                                                + " (the session may have ended); cancel it"
                                                + " in LXCA (Monitoring > Jobs) if it is still running");
                    }
                    client.logout();
                },
                "lxca-logout-on-exit");
    }

    static InterruptionGuard install(LxcaClient client, LxcaLog log) {
        InterruptionGuard guard = new InterruptionGuard(client, log);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** The shutdown hook, for a test that runs it beside the build's own thread. */
    Thread hook() {
        return hook;
    }

    /** Records the job and the state to report if the JVM stops now; a null state means nothing is pending. */
    void state(String jobId, String state) {
        this.jobId = state == null ? null : jobId;
        this.jobState = state;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }
}
