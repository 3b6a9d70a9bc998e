package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;

import io.github.lxca.simulator.SimulatorState.Session;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The simulator's Jetty handler: finds the first route in the table that matches a request, checks the
 * session and its CSRF token unless the route is open, lets the route's endpoint answer, and writes the reply.
 * A request no route matches is answered 404 once its session passed. A new group of endpoints is a class of
 * its own, given the shared {@link SimulatorState}, and one line per endpoint in the table.
 */
final class Router extends Handler.Abstract {
    private final Sessions sessions;
    private final ReplyWriter writer;
    private final ExchangeLog exchanges;
    private final List<Route> routes;

    private final Appliance appliance;

    Router(SimulatorState state, SimulatorSettings settings, ExchangeLog exchanges, Appliance appliance) {
        this.exchanges = exchanges;
        this.appliance = appliance;
        this.sessions = new Sessions(state);
        this.writer = new ReplyWriter(state);
        Repository repository = new Repository(state, settings);
        ImportJobs importJobs = new ImportJobs(state);
        Uploads uploads = new Uploads(state, settings);
        Tasks tasks = new Tasks(state, settings, repository);
        // First match wins: a route with a query condition goes before the route for the same path without one.
        this.routes = List.of(
                Route.open("POST", "/sessions", sessions::login),
                Route.of("DELETE", "/sessions", sessions::logout),
                Route.of("POST", "/managementServer/updates", "action", "import", importJobs::create),
                Route.of("POST", "/files/managementServer/updates", "action", "import", uploads::receive),
                Route.of("PUT", "/tasks", tasks::cancel),
                Route.of("GET", "/tasks", tasks::list),
                Route.of("GET", Tasks.PATH, appliance.forgetting(tasks::poll)),
                Route.of("GET", "/managementServer/updates", "key", "currentVersion", appliance::currentVersion),
                Route.of("GET", "/managementServer/updates", "key", "history", appliance::history),
                Route.of("PUT", "/managementServer/updates", "action", "apply", appliance::apply),
                Route.of("GET", "/managementServer/updates", "key", "size", repository::size),
                Route.of("GET", "/managementServer/updates", repository::list),
                Route.of("GET", Repository.UPDATE_PATH, "filetype", null, repository::text),
                Route.of("GET", Repository.UPDATE_PATH, "type", null, repository::text),
                Route.of("DELETE", Repository.UPDATE_PATH, repository::delete));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        Session before = sessions.session(request); // a log-out ends it
        try {
            reply = route(request);
        } catch (Exception e) {
            e.printStackTrace(); // a fault in the simulator itself, not an injected one
            reply = json(500, failure("FQXHMSE0500M", "The simulator failed: " + e, "", ""));
        }
        exchanges.record(request, before, reply);
        writer.write(
                reply,
                request,
                response,
                callback,
                () -> sessions.session(request).user().name());
        return true;
    }

    private Reply route(Request request) throws Exception {
        if (appliance.starting()) {
            return Replies.html(
                    503, "<html><body><h1>503 Service Unavailable</h1><p>LXCA is starting.</p></body></html>");
        }
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Fields query = Request.extractQueryParameters(request);
        Optional<Route> route = routes.stream()
                .filter(candidate -> candidate.matches(method, path, query))
                .findFirst();
        Session session = null;
        if (route.isEmpty() || !route.get().open()) {
            session = sessions.session(request);
            Optional<Reply> refused = sessions.refusal(request, session);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        if (route.isEmpty()) {
            return json(404, failure("FQXHMSE0404J", "The resource " + path + " was not found.", "", ""));
        }
        return route.get().endpoint().answer(new Call(request, path, query, session));
    }
}
