package io.github.lxca.client;

import java.net.URI;
import java.time.Duration;

/**
 * Everything the client needs to reach one LXCA: its base URL, who to log in as, which certificates
 * to trust, which proxy to go through, how long to wait, and how often to retry.
 *
 * @param proxy null to connect directly
 * @param readTimeout the deadline of each call, from its start to the end of its reply; an upload's body may take
 *     longer to send, as long as no write stalls for longer, and its reply then gets this long
 * @param retries how often a call that failed for a passing reason is made again (idempotent calls,
 *     and a broken upload, which always goes to a new job)
 */
public record ConnectionSettings(
        URI baseUri,
        Credentials credentials,
        TrustSettings trust,
        ProxySettings proxy,
        Duration connectTimeout,
        Duration readTimeout,
        int retries) {

    public ConnectionSettings {
        String text = baseUri.toString();
        if (text.endsWith("/")) {
            baseUri = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public String host() {
        return baseUri.getHost() + (baseUri.getPort() > 0 ? ":" + baseUri.getPort() : "");
    }
}
