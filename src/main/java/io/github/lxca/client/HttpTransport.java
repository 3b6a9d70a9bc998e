package io.github.lxca.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.entity.DeflateInputStreamFactory;
import org.apache.hc.client5.http.entity.GZIPInputStreamFactory;
import org.apache.hc.client5.http.entity.InputStreamFactory;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HttpClient of a run, set up for one LXCA (TLS, proxy, timeouts, no automatic retries or
 * redirects), with its cookie store: sends one request and reads its reply, with a size cap.
 */
final class HttpTransport implements AutoCloseable {
    private static final int MAX_REPLY_BYTES = 4 * 1024 * 1024;
    private static final String ACCEPT = "application/json, application/*+json;q=0.9, */*;q=0.1";

    private final ConnectionSettings settings;
    private final RequestConfig requestConfig;
    private final CloseableHttpClient http;
    private final BasicCookieStore cookies = new BasicCookieStore();
    private final ObjectMapper mapper;

    HttpTransport(ConnectionSettings settings, TlsSetup tls, LxcaLog log, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(settings.readTimeout()))
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom();
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultProxyRoutePlanner(proxyHost));
            if (proxy.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(
                        new AuthScope(proxyHost),
                        new UsernamePasswordCredentials(
                                proxy.username(),
                                Objects.requireNonNullElse(proxy.password(), "").toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.http = builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(tls.sslContext())
                                .setHostnameVerifier(tls.hostnameVerifier())
                                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                                .buildClassic())
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultCookieStore(cookies)
                .setDefaultRequestConfig(requestConfig)
                .setContentDecoderRegistry(acceptedEncodings())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setUserAgent("lxca-maven-plugin")
                .addExecInterceptorFirst("lxca-request-log", new RequestLog(log))
                .build();
    }

    /**
     * The URL of an API path on LXCA, built with HttpClient's {@link URIBuilder}, which encodes each path
     * segment and query value.
     *
     * @param query names and values, alternately
     */
    URI url(List<String> pathSegments, String... query) {
        URIBuilder builder = new URIBuilder(settings.baseUri()).setPathSegments(pathSegments);
        for (int i = 0; i < query.length; i += 2) {
            builder.addParameter(query[i], query[i + 1]);
        }
        try {
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build an LXCA URL from " + pathSegments, e);
        }
    }

    /** The request, waiting at most {@code limit} (or the read timeout, if shorter) for its reply. */
    <T extends HttpUriRequestBase> T within(Duration limit, T request) {
        Duration read = settings.readTimeout();
        request.setConfig(RequestConfig.copy(requestConfig)
                .setResponseTimeout(Timeout.of(read.compareTo(limit) < 0 ? read : limit))
                .build());
        return request;
    }

    /**
     * Sends the request and reads the reply; {@link RequestLog} logs it at DEBUG. The whole exchange has a
     * deadline ({@link CallDeadline}): the request's limit (see {@link #within}, else the read timeout) from its start;
     * past it the request is cancelled and {@link CallDeadline.Passed} thrown.
     */
    Reply send(HttpUriRequestBase request) throws IOException {
        request.setHeader(HttpHeaders.ACCEPT, ACCEPT);
        HttpClientContext context = HttpClientContext.create();
        try (CallDeadline deadline = CallDeadline.start(request, limitOf(request))) {
            if (request.getEntity() instanceof UploadBody upload) {
                upload.watch(deadline);
            }
            try {
                return read(request, context);
            } catch (IOException | RuntimeException e) {
                // HttpClient's own idle timeout is the same limit: either way the call took longer than it may
                if (deadline.fired() || e instanceof SocketTimeoutException && !(e instanceof CallDeadline.Passed)) {
                    throw deadline.passed(e);
                }
                throw e;
            }
        }
    }

    private Duration limitOf(HttpUriRequestBase request) {
        RequestConfig config = request.getConfig();
        Timeout limit = config == null ? null : config.getResponseTimeout();
        return limit == null || limit.isDisabled() ? settings.readTimeout() : limit.toDuration();
    }

    private Reply read(HttpUriRequestBase request, HttpClientContext context) throws IOException {
        try (ClassicHttpResponse response = http.executeOpen(null, request, context)) {
            HttpEntity entity = response.getEntity();
            byte[] body = new byte[0];
            boolean truncated = false;
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    body = in.readNBytes(MAX_REPLY_BYTES + 1);
                    if (body.length > MAX_REPLY_BYTES) {
                        truncated = true;
                        body = Arrays.copyOf(body, MAX_REPLY_BYTES);
                        request.abort(); // do not drain an endless or huge body
                    }
                }
            }
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            return new Reply(
                    response.getCode(),
                    body,
                    truncated,
                    RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), Instant.now())
                            .orElse(null),
                    mapper,
                    location == null ? null : location.getValue());
        }
    }

    /** Forgets every cookie, so that the next request carries none of an earlier session's. */
    void clearCookies() {
        cookies.clear();
    }

    Optional<String> cookie(String name) {
        return cookies.getCookies().stream()
                .filter(c -> c.getName().equalsIgnoreCase(name))
                .map(Cookie::getValue)
                .findFirst();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // nothing is left to clean up that matters to the build
        }
    }

    /**
     * What the client decodes, and so names in Accept-Encoding: what Lenovo's clients send. HttpClient's default
     * would also name each codec it finds on the class path (Brotli, Zstandard through Commons Compress).
     */
    @SuppressWarnings(
            "NonApiType") // HttpClientBuilder.setContentDecoderRegistry takes a LinkedHashMap: the order counts
    private static LinkedHashMap<String, InputStreamFactory> acceptedEncodings() {
        LinkedHashMap<String, InputStreamFactory> decoders = new LinkedHashMap<>();
        decoders.put("gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("deflate", DeflateInputStreamFactory.getInstance());
        return decoders;
    }
}
