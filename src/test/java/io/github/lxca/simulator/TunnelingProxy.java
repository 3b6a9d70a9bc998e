package io.github.lxca.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP CONNECT proxy on loopback (Jetty's {@link ConnectHandler}) that counts the tunnels it opens
 * and, when given a user, asks for Basic proxy credentials first, as corporate proxies do.
 */
public final class TunnelingProxy implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger challenged = new AtomicInteger();

    private TunnelingProxy(int port, String username, String password, Consumer<String> events) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setDaemon(true);
        threads.setName("tunneling-proxy");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        String expected = username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server.setHandler(new ConnectHandler() {
            @Override
            protected boolean handleAuthentication(Request request, Response response, String address) {
                if (expected == null || expected.equals(request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION))) {
                    return true;
                }
                challenged.incrementAndGet();
                response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, "Basic realm=\"test proxy\"");
                return false;
            }

            @Override
            protected void handleConnect(Request request, Response response, Callback callback, String serverAddress) {
                if (expected == null || expected.equals(request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION))) {
                    tunnels.incrementAndGet();
                    events.accept("tunnel " + serverAddress);
                }
                super.handleConnect(request, response, callback, serverAddress);
            }
        });
    }

    public static TunnelingProxy start(String username, String password) throws Exception {
        return start(0, username, password, event -> {});
    }

    /**
     * @param port 0 for any free one
     * @param events gets one line per tunnel opened
     */
    public static TunnelingProxy start(int port, String username, String password, Consumer<String> events)
            throws Exception {
        TunnelingProxy proxy = new TunnelingProxy(port, username, password, events);
        proxy.server.start();
        return proxy;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public int tunnels() {
        return tunnels.get();
    }

    /** How many CONNECT requests came without the right credentials and were challenged. */
    public int refusedForCredentials() {
        return challenged.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
