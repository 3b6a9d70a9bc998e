package io.github.lxca.client;

import io.github.lxca.client.Call.Retry;
import io.github.lxca.client.Call.Session;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/** The calls on the management server's updates repository: its listing, its free space, a delete. */
final class RepositoryCalls {
    private static final List<String> UPDATES = List.of("managementServer", "updates");

    private final LxcaSession session;
    private final HttpTransport http;

    RepositoryCalls(LxcaSession session) {
        this.session = session;
        this.http = session.http();
    }

    Set<String> fixIds() throws LxcaException {
        String operation = "list the updates repository";
        Reply reply = session.exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "updates")));
        session.accept(reply, operation, null);
        if (reply.json() == null) {
            throw ErrorTranslator.notJson(reply, operation);
        }
        return RepositoryListing.fixIds(reply.json());
    }

    OptionalLong freeBytes() throws LxcaException {
        Reply reply = session.exchange(
                "read the repository's free space",
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpGet(http.url(UPDATES, "key", "size")));
        return ErrorTranslator.isSuccess(reply) ? RepositorySpace.freeBytes(reply.json()) : OptionalLong.empty();
    }

    void delete(String fixId) throws LxcaException {
        String operation = "delete " + fixId + " from the repository";
        Reply reply = session.exchange(
                operation,
                null,
                Retry.SAFE,
                Session.RENEW_ON_401,
                () -> new HttpDelete(http.url(List.of("managementServer", "updates", fixId), "key", "removeMetadata")));
        ErrorTranslator.requireDeleted(reply, operation);
    }
}
