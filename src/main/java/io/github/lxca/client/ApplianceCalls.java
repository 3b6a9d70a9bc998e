package io.github.lxca.client;

import io.github.lxca.client.Call.Retry;
import io.github.lxca.client.Call.Session;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;

/** The calls on LXCA itself as an appliance: the version it runs, its update history, the apply of an update. */
final class ApplianceCalls {
    static final List<String> UPDATES = List.of("managementServer", "updates");
    private static final String CURRENT_VERSION = "/managementServer/updates?key=currentVersion";

    private final LxcaSession session;
    private final HttpTransport http;

    ApplianceCalls(LxcaSession session) {
        this.session = session;
        this.http = session.http();
    }

    String currentVersion() throws LxcaException {
        String operation = "read the version LXCA runs";
        Reply reply = session.exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "currentVersion")));
        session.accept(reply, operation, null);
        return ApplianceVersion.from(reply.json())
                .orElseThrow(() -> ErrorTranslator.noVersion(reply, operation, CURRENT_VERSION));
    }

    List<UpdateHistoryEntry> updateHistory() throws LxcaException {
        String operation = "read LXCA's update history";
        Reply reply = session.exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "history")));
        session.accept(reply, operation, null);
        if (reply.json() == null) {
            throw ErrorTranslator.notJson(reply, operation);
        }
        return UpdateHistoryEntry.from(reply.json());
    }

    Optional<String> applyUpdate(String fixId) throws LxcaException {
        String operation = "apply " + fixId;
        RequestBodies.Apply body = RequestBodies.Apply.of(fixId);
        Reply reply = session.exchange(operation, null, Retry.NEVER, Session.NONE, () -> {
            HttpPut put = new HttpPut(http.url(UPDATES, "action", "apply"));
            put.setEntity(session.json(body));
            return put;
        });
        session.accept(reply, operation, null);
        String jobId = JobIds.in(reply.json());
        return jobId == null ? Optional.empty() : Optional.of(JobIds.require(jobId, operation));
    }
}
