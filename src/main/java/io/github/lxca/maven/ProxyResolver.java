package io.github.lxca.maven;

import io.github.lxca.client.ProxySettings;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;

/**
 * Picks the active {@code settings.xml} proxy for LXCA's scheme (https; an http proxy when there is no
 * https one, as most corporate settings declare only that) and decrypts its password through Maven.
 */
final class ProxyResolver {
    private final SettingsPasswords passwords;

    ProxyResolver(SettingsPasswords passwords) {
        this.passwords = passwords;
    }

    Optional<ProxySettings> resolve(List<Proxy> proxies, String scheme) throws MojoFailureException {
        Optional<Proxy> chosen = active(proxies, scheme).or(() -> active(proxies, "http"));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Proxy proxy = passwords.decrypt(chosen.get());
        return Optional.of(new ProxySettings(proxy.getHost(), proxy.getPort(), proxy.getUsername(), proxy.getPassword(),
                proxy.getNonProxyHosts()));
    }

    private static Optional<Proxy> active(List<Proxy> proxies, String protocol) {
        return proxies.stream().filter(Proxy::isActive).filter(p -> protocol.equalsIgnoreCase(p.getProtocol())).findFirst();
    }
}
