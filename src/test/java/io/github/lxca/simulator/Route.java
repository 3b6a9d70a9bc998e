package io.github.lxca.simulator;

import org.eclipse.jetty.util.Fields;

/**
 * One line of the simulator's route table: which requests an {@link Endpoint} answers.
 *
 * @param method the HTTP method
 * @param path an exact path, or, when it ends in {@code /}, a prefix such as {@code /tasks/} for {@code /tasks/<ids>}
 * @param queryKey a query parameter the request must have, or null for none
 * @param queryValue the value that parameter must have, or null for any value
 * @param open whether the route is answered without a session (login); every other one needs a session and its CSRF token
 */
record Route(String method, String path, String queryKey, String queryValue, boolean open, Endpoint endpoint) {

    /** What answers a request that a route matched. */
    @FunctionalInterface
    interface Endpoint {
        Reply answer(Call call) throws Exception;
    }

    static Route of(String method, String path, Endpoint endpoint) {
        return new Route(method, path, null, null, false, endpoint);
    }

    /** A route for requests whose query has {@code key=value}; a null value takes any value. */
    static Route of(String method, String path, String key, String value, Endpoint endpoint) {
        return new Route(method, path, key, value, false, endpoint);
    }

    static Route open(String method, String path, Endpoint endpoint) {
        return new Route(method, path, null, null, true, endpoint);
    }

    boolean matches(String method, String path, Fields query) {
        if (!this.method.equals(method)) {
            return false;
        }
        boolean pathMatches = this.path.endsWith("/") ? path.startsWith(this.path) : path.equals(this.path);
        if (!pathMatches || queryKey == null) {
            return pathMatches;
        }
        String value = query.getValue(queryKey);
        return queryValue == null ? value != null : queryValue.equals(value);
    }
}
