package io.github.lxca.maven;

import io.github.lxca.client.ProxySettings;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the active {@code settings.xml} proxy for LXCA's scheme (https; an http proxy when there is no
 * https one, as most corporate settings declare only that) and decrypts its password through Maven.
 */
final class ProxyResolver {
    private final SettingsDecrypter decrypter;

    ProxyResolver(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    Optional<ProxySettings> resolve(List<Proxy> proxies, String scheme) throws MojoFailureException {
        Optional<Proxy> chosen = active(proxies, scheme).or(() -> active(proxies, "http"));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(chosen.get()));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new PluginConfigurationException("Cannot decrypt the password of <proxy> '" + chosen.get().getId()
                        + "' in settings.xml: " + problem.getMessage(), "check ~/.m2/settings-security.xml (the master"
                        + " password), or encrypt the proxy password again with mvn --encrypt-password");
            }
        }
        Proxy proxy = result.getProxy();
        return Optional.of(new ProxySettings(proxy.getHost(), proxy.getPort(), proxy.getUsername(), proxy.getPassword(),
                proxy.getNonProxyHosts()));
    }

    private static Optional<Proxy> active(List<Proxy> proxies, String protocol) {
        return proxies.stream().filter(Proxy::isActive).filter(p -> protocol.equalsIgnoreCase(p.getProtocol())).findFirst();
    }
}
