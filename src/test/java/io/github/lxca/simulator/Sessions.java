package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.object;
import static io.github.lxca.simulator.Replies.readJson;
import static io.github.lxca.simulator.Replies.sleep;
import static io.github.lxca.simulator.Replies.success;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.simulator.SimulatorState.Session;
import io.github.lxca.simulator.SimulatorState.User;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/** {@code POST /sessions} and {@code DELETE /sessions}, and the session cookie plus CSRF token every other call needs. */
final class Sessions {
    static final String SESSION_COOKIE = "JSESSIONID";
    private static final String CSRF_HEADER = "X-Csrf-Token";
    private static final Duration LOGOUT_HANG = Duration.ofSeconds(3);

    private final SimulatorState state;

    Sessions(SimulatorState state) {
        this.state = state;
    }

    /** The session the request's cookie names, or null when it names none that is open. */
    Session session(Request request) {
        return Request.getCookies(request).stream()
                .filter(c -> c.getName().equals(SESSION_COOKIE))
                .map(c -> state.sessions.get(c.getValue()))
                .filter(s -> s != null)
                .findFirst()
                .orElse(null);
    }

    /** Why the request may not go on: it has no open session, or not the session's CSRF token. */
    Optional<Reply> refusal(Request request, Session session) {
        if (session == null) {
            return Optional.of(json(
                    401,
                    failure(
                            "FQXHMSE0001J",
                            "The request requires user authentication.",
                            "No valid session was presented.",
                            "Log in again.")));
        }
        String csrf = request.getHeaders().get(CSRF_HEADER);
        if (!session.csrf().equals(csrf)) {
            return Optional.of(json(
                    403,
                    failure(
                            "FQXHMSE0002J",
                            "The request was refused.",
                            "The request did not carry the session's CSRF token.",
                            "Send the X-Csrf-Token header.")));
        }
        return Optional.empty();
    }

    Reply login(Call call) throws IOException {
        JsonNode body = readJson(call.request());
        if (body == null || !body.hasNonNull("UserId") || !body.hasNonNull("password")) {
            return json(
                    400,
                    failure("FQXHMSE0400J", "The request body is not valid.", "UserId and password are required.", ""));
        }
        // A new client logs in without a session: a cookie or CSRF header of a session LXCA no longer knows (after
        // a restart) is what a client that kept its old session sends; what real LXCA does with it is unknown.
        boolean staleCookie = Request.getCookies(call.request()).stream()
                .anyMatch(c -> c.getName().equals(SESSION_COOKIE) && !state.sessions.containsKey(c.getValue()));
        boolean csrfHeader = call.request().getHeaders().get(CSRF_HEADER) != null;
        if (staleCookie || csrfHeader) {
            state.event("login-stale " + body.get("UserId").asText() + (staleCookie ? " cookie" : "")
                    + (csrfHeader ? " csrf" : ""));
        }
        User user = state.users.get(body.get("UserId").asText());
        if (user == null || !user.password().equals(body.get("password").asText())) {
            state.event("login-refused " + body.get("UserId").asText());
            return json(
                    401,
                    failure(
                            "FQXHMSE0200J",
                            "The user name or password is not valid.",
                            "The credentials do not match an account.",
                            "Check the user name and password."));
        }
        user = state.atLogin(user);
        if (user.has(Fault.LOGIN_ECHOES_PASSWORD)) {
            state.event("login-refused " + user.name());
            return json(
                    401,
                    failure(
                            "FQXHMSE0200J",
                            "The password " + body.get("password").asText() + " is not valid.\n[INFO] BUILD SUCCESS",
                            "The credentials do not match an account.",
                            "Check the user name and password."));
        }
        if (user.has(Fault.LOGIN_HTML)) {
            state.event("login-html " + user.name());
            return Replies.html(
                    200,
                    "<html><head><title>Sign in</title></head><body><form action=\"/portal\">Please sign in"
                            + "</form></body></html>");
        }
        int logins = state.occurrence(user, Fault.TRICKLE_APPLY_RELOGIN);
        if (user.has(Fault.IMPORT_ALREADY_RUNNING) && state.occurrence(user, Fault.IMPORT_ALREADY_RUNNING) == 0) {
            state.startImportByAnother(Fault.RUNNING_FIX_ID, 3, 3);
        }
        Session session =
                new Session(UUID.randomUUID().toString(), UUID.randomUUID().toString(), user);
        state.sessions.put(session.id(), session);
        state.secret(session.id());
        state.secret(session.csrf());
        state.event("login " + user.name());
        ObjectNode reply = object();
        ObjectNode response = reply.putObject("response");
        response.put("pwChangeRequired", user.has(Fault.PASSWORD_CHANGE_REQUIRED));
        ObjectNode sessionJson = response.putObject("session").put("id", session.id());
        if (!user.has(Fault.LOGIN_CSRF_COOKIE_ONLY)) {
            sessionJson.put("csrf", session.csrf());
        }
        sessionJson.put("inactivityTimeout", 86400).put("UserId", user.name());
        if (user.has(Fault.LOGIN_SAYS_FAILURE)) {
            reply.put("result", "failure");
        }
        List<HttpCookie> cookies = new ArrayList<>();
        cookies.add(HttpCookie.build(SESSION_COOKIE, session.id())
                .path("/")
                .secure(true)
                .httpOnly(true)
                .build());
        // Always, as real LXCA sets it: Lenovo's Python client reads its X-Csrf-Token from this cookie only.
        cookies.add(
                HttpCookie.build("csrf", session.csrf()).path("/").secure(true).build());
        cookies.add(HttpCookie.build("user", user.name()).path("/").secure(true).build());
        Reply answer = new Reply(200, Replies.JSON, Replies.bytes(reply), cookies);
        return user.has(Fault.TRICKLE_LOGIN) || user.has(Fault.TRICKLE_APPLY_RELOGIN) && logins > 1
                ? answer.trickled()
                : answer;
    }

    Reply logout(Call call) {
        Session session = call.session();
        if (session.user().has(Fault.LOGOUT_HANGS)) {
            state.event("logout-waiting " + session.user().name());
            sleep(LOGOUT_HANG);
        }
        state.sessions.remove(session.id());
        state.event("logout " + session.user().name());
        return session.user().has(Fault.TRICKLE_LOGOUT) ? json(200, success()).trickled() : json(200, success());
    }
}
