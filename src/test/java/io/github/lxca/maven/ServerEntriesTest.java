package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.importer.ImportRequest;
import io.github.lxca.simulator.SelfSignedCertificate;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each {@code <server>} entry of {@code <servers>} with its own name and trust; the goal's values where an entry
 * says nothing; and failures that name the entry to change.
 */
@MojoTest
class ServerEntriesTest extends GoalHarness {
    private static final String PIN_A = "5E0B6A2F7C1D4E3F8A9B0C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0EC4";
    private static final String PIN_B = "AA0B6A2F7C1D4E3F8A9B0C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0E11";
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void addSettings() throws Exception {
        addServer("lxca", "release-bot", "from-settings");
    }

    private List<ImportRequest> requests(ImportUpdateMojo mojo, LxcaServer... servers) throws Exception {
        Field field = AbstractConnectionMojo.class.getDeclaredField("servers");
        field.setAccessible(true);
        field.set(mojo, List.of(servers));
        mojo.setLog(run.recordingLog());
        mojo.environment = environment::get;
        mojo.origins();
        return mojo.buildRequests();
    }

    @Test
    @InjectMojo(goal = "import-update")
    @MojoParameter(name = "certificateFingerprint", value = PIN_A)
    void eachEntryHasItsOwnPinAndNameAndTheGoalsValuesFillTheRest(ImportUpdateMojo mojo) throws Exception {
        List<ImportRequest> requests = requests(
                mojo,
                new LxcaServer().with("site-a", "https://a.example"),
                new LxcaServer().with("site-b", "https://b.example:8443").pinned("aa:" + PIN_B.substring(2)),
                new LxcaServer().with(null, "https://c.example:9443"));

        assertEquals(
                List.of("site-a", "site-b", "c.example:9443"),
                requests.stream().map(ImportRequest::name).toList());
        assertEquals(PIN_A, requests.get(0).connection().trust().normalizedFingerprint()); // the goal's
        assertEquals(PIN_B, requests.get(1).connection().trust().normalizedFingerprint()); // its own
        assertNull(requests.get(1).connection().trust().trustStore());
        assertEquals("release-bot", requests.get(1).connection().credentials().username()); // the goal's serverId
    }

    @Test
    @InjectMojo(goal = "import-update")
    void aMalformedPinNamesItsEntry(ImportUpdateMojo mojo) {
        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> requests(
                        mojo,
                        new LxcaServer().with("site-a", "https://a.example").pinned(PIN_A),
                        new LxcaServer().with("lab", "https://lab.example").pinned("5E:0B")));
        String message = e.getMessage();
        assertEquals("The <server> entry 'lab' of <servers>: ", message.substring(0, 39), message);
        assertEquals(
                "Change it in that entry: its certificateFingerprint and trustStore take the place of the goal's.",
                message.lines().reduce((first, last) -> last).orElseThrow(),
                message);
    }

    @Test
    @InjectMojo(goal = "import-update")
    void anEntrysTrustStoreTakesItsPasswordFromItsOwnVariable(ImportUpdateMojo mojo) throws Exception {
        Path store = SelfSignedCertificate.forLocalhost().writeTrustStore(basedir.resolve("site-b.p12"));
        environment.put("SITE_B_TRUSTSTORE_PASSWORD", SelfSignedCertificate.STORE_PASSWORD);
        environment.put("LXCA_TRUSTSTORE_PASSWORD", "the goal's, not this entry's");

        ImportRequest request = requests(
                        mojo,
                        new LxcaServer()
                                .with("site-b", "https://b.example")
                                .trusting(store.toFile(), "SITE_B_TRUSTSTORE_PASSWORD"))
                .get(0);

        assertEquals(store, request.connection().trust().trustStore());
        assertEquals(
                SelfSignedCertificate.STORE_PASSWORD,
                request.connection().trust().trustStorePassword());
        assertEquals(
                "the environment variable SITE_B_TRUSTSTORE_PASSWORD (trustStorePasswordVariable of the <server> entry"
                        + " 'site-b')",
                request.connection().trust().trustStorePasswordSource());
    }

    @Test
    @InjectMojo(goal = "import-update")
    void aWrongPasswordInAnEntrysVariableNamesTheEntryAndTheVariable(ImportUpdateMojo mojo) throws Exception {
        Path store = SelfSignedCertificate.forLocalhost().writeTrustStore(basedir.resolve("site-b.p12"));
        environment.put("SITE_B_TRUSTSTORE_PASSWORD", "wrong");

        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> requests(
                        mojo,
                        new LxcaServer()
                                .with("site-b", "https://b.example")
                                .trusting(store.toFile(), "SITE_B_TRUSTSTORE_PASSWORD")));
        assertTrue(e.getMessage().startsWith("The <server> entry 'site-b' of <servers>: "), e.getMessage());
        assertTrue(e.getMessage().contains("SITE_B_TRUSTSTORE_PASSWORD"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "import-update")
    void aPasswordVariableWithoutTrustStoreIsRefused(ImportUpdateMojo mojo) {
        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> requests(
                        mojo, new LxcaServer().with("east", "https://a.example").trusting(null, "EAST_TS")));
        assertEquals(
                "The <server> entry 'east' sets trustStorePasswordVariable but no trustStore\nWhat to do: add"
                        + " <trustStore> to that entry, or remove <trustStorePasswordVariable> from it",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "import-update")
    void twoEntriesOfOneNameAreRefused(ImportUpdateMojo mojo) {
        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> requests(
                        mojo,
                        new LxcaServer().with("east", "https://a.example"),
                        new LxcaServer().with("east", "https://b.example")));
        assertEquals(
                "Two <server> entries of <servers> are named 'east'\nWhat to do: give each entry a <name> of its own:"
                        + " the log lines, reports and -Dlxca.canary use it",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "import-update")
    void anEntryWithoutUrlIsRefused(ImportUpdateMojo mojo) {
        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> requests(mojo, new LxcaServer().with("east", null)));
        assertEquals(
                "The <server> entry 1 of <servers> ('east') has no <url>\nWhat to do: give that entry its"
                        + " <url>https://host[:port]</url>",
                e.getMessage());
    }
}
