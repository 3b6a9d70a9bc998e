package io.github.lxca.client;

import java.io.IOException;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * The client's own record of its requests: one DEBUG line each, with method, path, status and time,
 * such as {@code POST /sessions -> HTTP 200 after 12 ms}. It never shows a header, a cookie or a body,
 * and shows query values only of the parameters known to carry no secret. HttpClient's own logging is
 * bound to nothing in the plugin jar, so these lines are all that {@code mvn -X} shows of the traffic.
 */
final class RequestLog implements ExecChainHandler {
    /** Query parameters whose values are names of actions, keys, job ids and flags. */
    private static final Set<String> SHOWN_QUERY_VALUES = Set.of("action", "key", "jobid", "includeChildren");

    private final LxcaLog log;

    RequestLog(LxcaLog log) {
        this.log = log;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        String line = request.getMethod() + " " + describe(request.getRequestUri());
        long start = System.nanoTime();
        try {
            ClassicHttpResponse response = chain.proceed(request, scope);
            log.debug(line + " -> HTTP " + response.getCode() + " after " + millisSince(start) + " ms");
            return response;
        } catch (IOException | HttpException | RuntimeException e) {
            log.debug(line + " -> " + e.getClass().getSimpleName() + " after " + millisSince(start) + " ms");
            throw e;
        }
    }

    /** The path, with the value of each query parameter not in {@link #SHOWN_QUERY_VALUES} hidden. */
    static String describe(String requestUri) {
        int query = requestUri.indexOf('?');
        if (query < 0) {
            return requestUri;
        }
        StringJoiner parameters = new StringJoiner("&", requestUri.substring(0, query + 1), "");
        for (String parameter : requestUri.substring(query + 1).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            parameters.add(equals < 0 || SHOWN_QUERY_VALUES.contains(name) ? parameter : name + "=***");
        }
        return parameters.toString();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
