package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.lxca.client.ProxySettings;
import io.github.lxca.maven.MavenRun.CommandLine;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenExecutionRequestPopulator;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy is Maven's choice: the settings.xml proxies go into the execution request and the repository
 * session as in a real build, and the goal asks that session's proxy selector for the LXCA URL.
 */
@MojoTest(realRepositorySession = true)
class ProxySelectionTest extends GoalHarness {
    @Inject
    private MavenExecutionRequestPopulator populator;

    @BeforeEach
    @SuppressWarnings("deprecation") // how Maven 3 puts settings.xml into the request
    void addSettings() throws Exception {
        addServer("lxca", "release-bot", "pw");
        run.settings.addProxy(proxy("inactive-https", "https", "unused.example.com", false, null));
        run.settings.addProxy(proxy("corporate", "http", "proxy.example.com", true, "localhost|*.lab.example"));
        populator.populateFromSettings(session.getRequest(), run.settings);
    }

    private static Proxy proxy(String id, String protocol, String host, boolean active, String nonProxyHosts) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(3128);
        proxy.setActive(active);
        proxy.setUsername("proxy-user");
        proxy.setPassword("proxy-pass");
        proxy.setNonProxyHosts(nonProxyHosts);
        return proxy;
    }

    private ProxySettings proxy(ImportUpdateMojo mojo) throws Exception {
        mojo.setLog(run.recordingLog());
        mojo.environment = name -> null;
        return mojo.buildRequests().get(0).connection().proxy();
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine("lxca.url=https://lxca.example.com")
    void theActiveHttpProxyCarriesHttpsWhenThereIsNoActiveHttpsOneWithItsCredentials(ImportUpdateMojo mojo)
            throws Exception {
        ProxySettings proxy = proxy(mojo);

        assertEquals(new ProxySettings("proxy.example.com", 3128, "proxy-user", "proxy-pass"), proxy);
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine("lxca.url=https://lxca.lab.example")
    void aHostOfNonProxyHostsIsReachedDirectly(ImportUpdateMojo mojo) throws Exception {
        assertNull(proxy(mojo));
    }

    @Test
    @InjectMojo(goal = "import-update")
    @CommandLine("lxca.url=https://LOCALHOST:8443")
    void nonProxyHostsIgnoreCase(ImportUpdateMojo mojo) throws Exception {
        assertNull(proxy(mojo));
    }
}
