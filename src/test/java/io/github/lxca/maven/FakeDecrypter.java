package io.github.lxca.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Stands in for Maven's decrypter: "{enc}" passwords decrypt to "decrypted", "{broken}" ones fail, and "{legacy}"
 * ones decrypt with Maven 4's warning to migrate, as its deprecated decrypter does on a settings file it has not
 * decrypted. {@link #requests} holds what it was asked.
 */
final class FakeDecrypter implements SettingsDecrypter {
    final List<SettingsDecryptionRequest> requests = new ArrayList<>();

    @Override
    public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
        requests.add(request);
        List<SettingsProblem> problems = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        for (Server original : request.getServers()) {
            Server server = original.clone();
            server.setPassword(decrypt(server.getPassword(), "server " + server.getId(), problems));
            servers.add(server);
        }
        List<Proxy> proxies = new ArrayList<>();
        for (Proxy original : request.getProxies()) {
            Proxy proxy = original.clone();
            proxy.setPassword(decrypt(proxy.getPassword(), "proxy " + proxy.getId(), problems));
            proxies.add(proxy);
        }
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return servers.isEmpty() ? null : servers.get(0);
            }

            @Override
            public List<Server> getServers() {
                return servers;
            }

            @Override
            public Proxy getProxy() {
                return proxies.isEmpty() ? null : proxies.get(0);
            }

            @Override
            public List<Proxy> getProxies() {
                return proxies;
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return problems;
            }
        };
    }

    private static String decrypt(String password, String entry, List<SettingsProblem> problems) {
        if ("{broken}".equals(password)) {
            problems.add(new DefaultSettingsProblem(
                    "Failed to decrypt password for " + entry, SettingsProblem.Severity.ERROR, entry, -1, -1, null));
            return password;
        }
        if ("{legacy}".equals(password)) {
            problems.add(new DefaultSettingsProblem(
                    "Pre-Maven 4 legacy encrypted password detected for " + entry
                            + " - configure password encryption with the help of mvnenc",
                    SettingsProblem.Severity.WARNING,
                    entry,
                    -1,
                    -1,
                    null));
            return "decrypted";
        }
        return "{enc}".equals(password) ? "decrypted" : password;
    }
}
