package io.github.lxca.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lxca.simulator.SimulatorState.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Keeps an {@link Exchange} for each request: what arrived (headers, the JSON body an endpoint read, the parts an
 * upload took) and what was answered. The last {@link #LIMIT} only, so that a simulator serving many builds stays
 * small; nothing of it goes to the journal, since its headers hold the sessions' secrets.
 */
final class ExchangeLog {
    static final int LIMIT = 10_000;
    private static final String BODY = ExchangeLog.class.getName() + ".body";
    private static final String PARTS = ExchangeLog.class.getName() + ".parts";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SimulatorState state;
    private final List<Exchange> exchanges = new ArrayList<>();

    ExchangeLog(SimulatorState state) {
        this.state = state;
    }

    /** Notes the body an endpoint read from the request. */
    static void body(Request request, String body) {
        request.setAttribute(BODY, body);
    }

    /** Notes the file parts an upload took from the request. */
    static void parts(Request request, List<ReceivedFile> parts) {
        request.setAttribute(PARTS, List.copyOf(parts));
    }

    /**
     * @param session the request's session as it was before the request was answered (a log-out ends it), or null;
     *     for a log-in, the session it opened is found from the reply's cookie
     */
    void record(Request request, Session session, Reply reply) {
        Session known = session != null ? session : opened(reply);
        String body = (String) request.getAttribute(BODY);
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getName(), field.getValue());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Fields.Field field : Request.extractQueryParameters(request)) {
            query.put(field.getName(), field.getValue());
        }
        @SuppressWarnings("unchecked")
        List<ReceivedFile> parts = (List<ReceivedFile>) request.getAttribute(PARTS);
        Exchange exchange = new Exchange(
                known != null ? known.user().name() : userNamedIn(body),
                request.getMethod(),
                Request.getPathInContext(request),
                query,
                headers,
                body,
                parts == null ? List.of() : parts,
                known == null ? null : known.csrf(),
                reply.status(),
                reply.body() == null ? null : new String(reply.body(), StandardCharsets.UTF_8));
        synchronized (exchanges) {
            if (exchanges.size() == LIMIT) {
                exchanges.remove(0);
            }
            exchanges.add(exchange);
        }
    }

    List<Exchange> all() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    private Session opened(Reply reply) {
        return reply.cookies().stream()
                .filter(cookie -> cookie.getName().equals(Sessions.SESSION_COOKIE))
                .map(cookie -> state.sessions.get(cookie.getValue()))
                .filter(s -> s != null)
                .findFirst()
                .orElse(null);
    }

    /** The {@code UserId} of a log-in body that opened no session (a refused one). */
    private static String userNamedIn(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode json = MAPPER.readTree(body);
            return json != null && json.hasNonNull("UserId")
                    ? json.get("UserId").asText()
                    : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
