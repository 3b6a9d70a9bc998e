package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.apply.ApplyRequest;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class ApplyParametersTest {
    private static ApplyParameters parameters(String version, String poll, String maxPoll) {
        return new ApplyParameters(version, "3600", "600", poll, maxPoll, false);
    }

    @Test
    void theVersionInAFixIdOfLenovosPatternWinsOverLxcaVersion() throws Exception {
        ApplyRequest request = parameters("9.9.9", "5", "30").request("lnvgy_sw_lxca_agent-2.1.0_anyos_noarch");
        assertEquals("2.1.0", request.updateVersion());
        assertEquals(Duration.ofMinutes(60), request.timing().timeout());
        assertEquals(Duration.ofMinutes(10), request.timing().gracePeriod());
    }

    @Test
    void anotherFixIdTakesLxcaVersion() throws Exception {
        assertEquals(
                "4.1.0", parameters("4.1.0", "5", "30").request("my-update").updateVersion());
    }

    @Test
    void aFixIdWithoutVersionAndNoLxcaVersionSaysWhatToSet() {
        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> parameters(null, "5", "30").request("my-update"));
        assertTrue(e.getMessage().contains("set lxca.version to the version the update installs"), e.getMessage());
    }

    @Test
    void aLongestPollShorterThanTheFirstIsRefused() {
        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> parameters("1", "30", "5").request("lnvgy_sw_lxca_a-2.0.0_anyos_noarch"));
        assertTrue(
                e.getMessage().contains("lxca.applyMaxPollInterval must not be shorter than lxca.applyPollInterval"),
                e.getMessage());
    }
}
