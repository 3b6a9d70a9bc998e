package io.github.lxca.client;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP proxy that tunnels (CONNECT) to LXCA, with optional credentials and the hosts reached
 * without it. {@code nonProxyHosts} uses Maven's syntax: names separated by {@code |} or {@code ,},
 * {@code *} as a wildcard.
 */
public record ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {

    public boolean bypassFor(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String entry : List.of(nonProxyHosts.split("[|,]"))) {
            String pattern = entry.strip().toLowerCase(Locale.ROOT);
            if (!pattern.isEmpty()
                    && Pattern.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"), target)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (hasCredentials() ? ", user " + username + ", password ****" : "")
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
