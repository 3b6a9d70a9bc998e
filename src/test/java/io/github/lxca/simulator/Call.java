package io.github.lxca.simulator;

import io.github.lxca.simulator.SimulatorState.Session;
import io.github.lxca.simulator.SimulatorState.User;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * One request as an endpoint sees it: the Jetty request (for its headers and body), its path and query, and
 * the caller's session, which is null only for a route that needs none (login).
 */
record Call(Request request, String path, Fields query, Session session) {

    User user() {
        return session.user();
    }

    /** The query parameter's value, or null when the request has none. */
    String query(String key) {
        return query.getValue(key);
    }

    /** What follows the prefix in the path, such as the job ids of {@code /tasks/<ids>}. */
    String pathAfter(String prefix) {
        return path.substring(prefix.length());
    }
}
