package io.github.lxca.maven;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.OnExisting;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The {@code import-update} parameters, checked and turned into one {@link ImportRequest} per LXCA:
 * {@code url}, or each of {@code servers} with its own {@code serverId}.
 */
final class ImportRequestBuilder {
    private final ConnectionBuilder connections;
    private final String serverId;
    private final Path updateDirectory;
    private final String pollInterval;
    private final String taskTimeout;
    private final String onExisting;
    private final boolean dryRun;

    ImportRequestBuilder(
            ConnectionBuilder connections,
            String serverId,
            Path updateDirectory,
            String pollInterval,
            String taskTimeout,
            String onExisting,
            boolean dryRun) {
        this.connections = connections;
        this.serverId = serverId;
        this.updateDirectory = updateDirectory;
        this.pollInterval = pollInterval;
        this.taskTimeout = taskTimeout;
        this.onExisting = onExisting;
        this.dryRun = dryRun;
    }

    List<ImportRequest> requests(String url, List<LxcaServer> servers) throws MojoFailureException {
        if (servers != null && !servers.isEmpty()) {
            List<ImportRequest> requests = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int index = 0; index < servers.size(); index++) {
                LxcaServer server = servers.get(index);
                if (server.getUrl() == null || server.getUrl().isBlank()) {
                    throw new PluginConfigurationException(
                            "The <server> entry " + (index + 1) + " of <servers>"
                                    + (server.getName() == null ? "" : " ('" + server.getName() + "')")
                                    + " has no <url>",
                            "give that entry its <url>https://host[:port]</url>");
                }
                String name = nameOf(server);
                if (!names.add(name)) {
                    throw new PluginConfigurationException(
                            "Two <server> entries of <servers> are named '" + name + "'",
                            "give each entry a <name> of its own: the log lines, reports and -Dlxca.canary use it");
                }
                requests.add(request(connections.connection(server, name), name));
            }
            return requests;
        }
        if (url == null || url.isBlank()) {
            throw new PluginConfigurationException(
                    "No LXCA to import into", "set lxca.url (https://host[:port]), or list several in <servers>");
        }
        return List.of(request(connections.connection(url, serverId), null));
    }

    /** A {@code <server>} entry's name: its {@code <name>}, else the host and port of its URL. */
    static String nameOf(LxcaServer server) {
        if (server.getName() != null && !server.getName().isBlank()) {
            return server.getName().strip();
        }
        String url = server.getUrl().strip();
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? url : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException notAUrl) {
            return url; // the connection's check says what is wrong with it
        }
    }

    private ImportRequest request(ConnectionSettings connection, String name) throws MojoFailureException {
        return new ImportRequest(
                connection,
                updateDirectory,
                Durations.parse(LxcaProperties.POLL_INTERVAL, pollInterval),
                Durations.parse(LxcaProperties.TASK_TIMEOUT, taskTimeout),
                onExisting(),
                dryRun,
                name);
    }

    private OnExisting onExisting() throws MojoFailureException {
        try {
            return OnExisting.valueOf(onExisting.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PluginConfigurationException(
                    "lxca.onExisting must be fail, skip or replace, not '" + onExisting + "'",
                    "give one of those three");
        }
    }
}
