package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    @Test
    void nonProxyHostsFollowMavensSyntax() {
        ProxySettings proxy = new ProxySettings("proxy", 3128, null, null, "localhost|*.corp.example, 10.1.*");
        assertTrue(proxy.bypassFor("localhost"));
        assertTrue(proxy.bypassFor("LOCALHOST"));
        assertTrue(proxy.bypassFor("lxca.corp.example"));
        assertTrue(proxy.bypassFor("10.1.2.3"));
        assertFalse(proxy.bypassFor("corp.example"));
        assertFalse(proxy.bypassFor("lxca.example.com"));
        assertFalse(proxy.bypassFor("10.10.2.3"));
        assertFalse(new ProxySettings("proxy", 3128, null, null, null).bypassFor("localhost"));
    }

    @Test
    void aHostNameWithRegexCharactersIsTakenLiterally() {
        ProxySettings proxy = new ProxySettings("proxy", 3128, null, null, "a+b.example");
        assertTrue(proxy.bypassFor("a+b.example"));
        assertFalse(proxy.bypassFor("aab.example"));
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertFalse(new ProxySettings("proxy", 3128, "u", "hunter2", null).toString().contains("hunter2"));
    }
}
