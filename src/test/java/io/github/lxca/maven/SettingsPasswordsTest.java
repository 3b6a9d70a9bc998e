package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;

class SettingsPasswordsTest {
    private final List<String> warnings = new ArrayList<>();
    private final FakeDecrypter decrypter = new FakeDecrypter();
    private final SettingsPasswords passwords = new SettingsPasswords(decrypter, warnings::add);

    private static Server server(String password) {
        Server server = new Server();
        server.setId("lxca");
        server.setUsername("admin");
        server.setPassword(password);
        return server;
    }

    @Test
    void aPlainPasswordAsMaven4HandsItOverNeverReachesTheDecrypter() throws Exception {
        Server server = server("plain-pass");
        assertSame(server, passwords.decrypt(server));
        Proxy proxy = new Proxy();
        proxy.setPassword("plain-pass");
        assertSame(proxy, passwords.decrypt(proxy));
        assertEquals(List.of(), decrypter.requests);
    }

    @Test
    void maven4sWarningToMigrateIsPassedOnWithTheDecryptedPassword() throws Exception {
        Server decrypted = passwords.decrypt(server("{legacy}"));
        assertEquals("decrypted", decrypted.getPassword());
        assertEquals(
                List.of("settings.xml, <server> 'lxca': Pre-Maven 4 legacy encrypted password detected for server lxca"
                        + " - configure password encryption with the help of mvnenc"),
                warnings);
    }

    @Test
    void anErrorFailsWithoutShowingThePassword() {
        var e = assertThrows(MojoFailureException.class, () -> passwords.decrypt(server("{broken}")));
        assertTrue(
                e.getMessage().startsWith("Cannot decrypt the password of <server> 'lxca' in settings.xml:"),
                e.getMessage());
        assertFalse(e.getMessage().contains("{broken}"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("\nWhat to do: check ~/.m2/settings-security.xml (the master password), or"
                                + " encrypt the password again with mvn --encrypt-password"),
                e.getMessage());
    }

    @Test
    void recognisesMaven3AndMaven4EncryptedValues() {
        assertTrue(SettingsPasswords.isEncrypted("{mUxW78LsWTIHesIPXqHZbQYEiEOqkl6bSBV6G527Ye4=}"));
        assertTrue(
                SettingsPasswords.isEncrypted(
                        "{[name=master,cipher=AES/GCM/NoPadding,version=4.0]vvq66pZ7rkvzSPStGTI9q4QDnsmuDwo+LtjraRel2b0XpcGJFdXcYAHAS75HUA6GLpcVtEkmyQ==}"));
        assertTrue(
                SettingsPasswords.isEncrypted("text before {mUxW78LsWTIHesIPXqHZbQYEiEOqkl6bSBV6G527Ye4=} and after"));
        assertFalse(SettingsPasswords.isEncrypted("Sim-Pa55-w0rd"));
        assertFalse(SettingsPasswords.isEncrypted("{}"));
        assertFalse(SettingsPasswords.isEncrypted(null));
    }
}
