package io.github.lxca.maven;

import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.OnExisting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            for (LxcaServer server : servers) {
                requests.add(request(server.getUrl(), server.getServerId() != null ? server.getServerId() : serverId));
            }
            return requests;
        }
        if (url == null || url.isBlank()) {
            throw new PluginConfigurationException(
                    "No LXCA to import into", "set lxca.url (https://host[:port]), or list several in <servers>");
        }
        return List.of(request(url, serverId));
    }

    private ImportRequest request(String url, String serverId) throws MojoFailureException {
        return new ImportRequest(
                connections.connection(url, serverId),
                updateDirectory,
                Durations.parse("lxca.pollInterval", pollInterval),
                Durations.parse("lxca.taskTimeout", taskTimeout),
                onExisting(),
                dryRun);
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
