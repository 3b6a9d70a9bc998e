package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SecretLookupTest {
    private final Properties userProperties = new Properties();
    private final Properties systemProperties = new Properties();
    private final Map<String, String> environment = new java.util.HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private SecretLookup lookup() {
        return new SecretLookup(userProperties, systemProperties, environment::get);
    }

    @Test
    void aPasswordFromTheCommandLineIsWarnedAboutOnceWithWhatToUseInstead() {
        userProperties.setProperty("lxca.password", "pw");
        SecretLookup secrets = lookup();

        assertEquals("pw", secrets.secret("lxca.password", "LXCA_PASSWORD"));
        assertEquals("pw", secrets.secret("lxca.password", "LXCA_PASSWORD")); // a second LXCA of <servers>
        secrets.warnAboutCommandLine(warnings::add);
        secrets.warnAboutCommandLine(warnings::add);

        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.startsWith("The password given as -Dlxca.password is on the command line, where other users"
                + " of this machine can read it in the process list (ps)."), warning);
        assertTrue(warning.contains("settings.xml (encrypted with mvn --encrypt-password)"), warning);
        assertTrue(warning.endsWith("LXCA_PASSWORD instead of -Dlxca.password"), warning);
        assertTrue(!warning.contains("pw "), "never the value");
    }

    @Test
    void aSystemPropertyCountsToo() {
        systemProperties.setProperty("lxca.trustStorePassword", "changeit");
        SecretLookup secrets = lookup();

        secrets.secret("lxca.trustStorePassword", "LXCA_TRUSTSTORE_PASSWORD");
        secrets.warnAboutCommandLine(warnings::add);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("-Dlxca.trustStorePassword"), warnings.get(0));
        // a trust store's password has no place in settings.xml: only the environment is offered
        assertTrue(warnings.get(0).endsWith(" Use the environment: LXCA_TRUSTSTORE_PASSWORD instead of"
                + " -Dlxca.trustStorePassword"), warnings.get(0));
    }

    @Test
    void theEnvironmentAndPlainValuesAreNotWarnedAbout() {
        environment.put("LXCA_PASSWORD", "pw");
        userProperties.setProperty("lxca.username", "admin");
        SecretLookup secrets = lookup();

        assertEquals("pw", secrets.secret("lxca.password", "LXCA_PASSWORD"));
        assertEquals("admin", secrets.get("lxca.username", "LXCA_USERNAME"));
        secrets.warnAboutCommandLine(warnings::add);

        assertEquals(List.of(), warnings);
    }
}
