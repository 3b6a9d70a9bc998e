package io.github.lxca.maven;

/**
 * One LXCA of the {@code servers} parameter: its URL, and the {@code settings.xml} server entry holding
 * its credentials (the goal's {@code serverId} when left out).
 */
public class LxcaServer {
    private String url;
    private String serverId;

    public String getUrl() {
        return url;
    }

    public String getServerId() {
        return serverId;
    }
}
