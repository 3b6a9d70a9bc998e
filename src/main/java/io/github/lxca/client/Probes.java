package io.github.lxca.client;

import io.github.lxca.client.Call.Retry;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * The quiet, single-attempt calls made while LXCA may be restarting, each within what is left of the caller's time
 * capped by the probe limit (20 s); {@link ErrorTranslator} decides what each outcome means.
 */
final class Probes {
    private final LxcaSession session;
    private final HttpTransport http;

    Probes(LxcaSession session) {
        this.session = session;
        this.http = session.http();
    }

    Probe<Void> login(Duration left) {
        try {
            session.login(Retry.NEVER, LxcaSession.probeLimit(left));
            return Probe.answered(null);
        } catch (LxcaException e) {
            return ErrorTranslator.probe(e);
        }
    }

    Probe<Task> task(String jobId, Duration left) {
        String operation = "read the state of job " + jobId;
        Probe<Reply> probe = session.probe(operation, jobId, left, () -> new HttpGet(ImportCalls.taskUrl(http, jobId)));
        if (!probe.answered()) {
            return probe.unanswered();
        }
        try {
            return Probe.answered(ImportCalls.taskFrom(probe.value(), operation, jobId));
        } catch (LxcaProtocolException e) {
            return Probe.refused(e);
        }
    }

    /** A reply without a version counts as LXCA being away. */
    Probe<String> currentVersion(Duration left) {
        Probe<Reply> probe = session.probe(
                "read the version LXCA runs",
                null,
                left,
                () -> new HttpGet(http.url(ApplianceCalls.UPDATES, "key", "currentVersion")));
        if (!probe.answered()) {
            return probe.unanswered();
        }
        return ApplianceVersion.from(probe.value().json())
                .map(Probe::answered)
                .orElseGet(() ->
                        Probe.away("a reply without a version: " + probe.value().excerpt()));
    }

    Probe<List<UpdateHistoryEntry>> history(Duration left) {
        Probe<Reply> probe = session.probe(
                "read LXCA's update history",
                null,
                left,
                () -> new HttpGet(http.url(ApplianceCalls.UPDATES, "key", "history")));
        return probe.answered()
                ? Probe.answered(UpdateHistoryEntry.from(probe.value().json()))
                : probe.unanswered();
    }
}
