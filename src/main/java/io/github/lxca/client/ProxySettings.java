package io.github.lxca.client;

/**
 * The HTTP proxy that tunnels (CONNECT) to LXCA, with optional credentials. Whether a proxy applies to
 * an LXCA at all (its {@code nonProxyHosts}) is decided before, by Maven's own proxy selection.
 */
public record ProxySettings(String host, int port, String username, String password) {

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (hasCredentials() ? ", user " + username + ", password ****" : "")
                + "]";
    }
}
