package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.apply.ApplyOutcome;
import io.github.lxca.apply.ApplyRecord;
import io.github.lxca.apply.LxcaApplyException;
import io.github.lxca.client.LxcaCertificateException;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaRejectedException;
import io.github.lxca.client.LxcaTaskFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each branch of the one mapping from a failure to the way the goal ends, and the text the user sees. */
class GoalFailureTest {
    private static final String HINT = "The URL https://lxca.example.com came from lxca.url (its default).";

    private final List<String> debug = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private final GoalFailure failures = new GoalFailure(new SystemStreamLog() {
        @Override
        public void debug(CharSequence content, Throwable error) {
            debug.add(content + ": " + error.getClass().getSimpleName());
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            errors.add(content + ": " + error.getClass().getSimpleName());
        }
    });

    static Stream<LxcaException> environments() {
        return Stream.of(
                new LxcaConnectionException(
                        "Cannot connect to LXCA at lxca.example.com", null, List.of(), "check the URL", null),
                new LxcaCertificateException("LXCA's certificate is not trusted", "AB:CD", "pin it", null),
                new LxcaConfigurationException("Cannot set up TLS", null, List.of(), "use Java 17", null));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void aBrokenEnvironmentIsAnExecutionErrorWithTheHintAfterTheReport(LxcaException failure) {
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> failures.fail("LXCA import failed", failure, HINT));

        assertEquals(failure.describe() + "\n" + HINT, e.getMessage());
        assertNull(e.getCause(), "no cause: Maven would append its message to the headline");
        assertEquals(List.of("LXCA import failed: " + failure.getClass().getSimpleName()), debug);
        assertEquals(List.of(), errors);
    }

    @Test
    void aBrokenEnvironmentWithoutAHintIsTheReportAlone() {
        LxcaConnectionException failure =
                new LxcaConnectionException("Cannot connect to LXCA at lxca.example.com", null, List.of(), null, null);

        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> failures.fail("LXCA apply failed", failure, null));

        assertEquals(failure.describe(), e.getMessage());
        assertTrue(e.getMessage().contains("\nWhat to do: "), e.getMessage());
    }

    @Test
    void lxcasRefusalIsTheBuildsFailureWithoutTheHint() {
        LxcaRejectedException failure =
                new LxcaRejectedException("LXCA refused the import job", 409, "3", List.of(), null);

        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> failures.fail("LXCA import failed", failure, HINT));

        assertEquals("LXCA refused the import job (import job 3)\nWhat to do: " + failure.whatToDo(), e.getMessage());
        assertNull(e.getCause());
        assertEquals(List.of("LXCA import failed: LxcaRejectedException"), debug);
    }

    @Test
    void aFailedTaskIsTheBuildsFailure() {
        LxcaTaskFailedException failure =
                new LxcaTaskFailedException("Import job 3 ended 'Failed'", "3", List.of(), "read job 3", null);

        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> failures.fail("LXCA import failed", failure, HINT));

        assertEquals("Import job 3 ended 'Failed'\nWhat to do: read job 3", e.getMessage());
    }

    @Test
    void aFailedApplyIsTheBuildsFailureNamingTheApplyJob() {
        ApplyRecord seen = new ApplyRecord(
                "https://lxca.example.com",
                "lnvgy_sw_lxca_x-2.0.0_anyos_noarch",
                ApplyOutcome.REFUSED,
                "7",
                List.of(),
                0,
                "1.0.0",
                null,
                "2.0.0",
                null,
                null);
        LxcaApplyException failure = new LxcaApplyException(
                ApplyOutcome.JOB_FAILED, "The apply of x failed", seen, List.of(), "read the job in LXCA");

        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> failures.fail("LXCA apply failed", failure, null));

        assertEquals("The apply of x failed (apply job 7)\nWhat to do: read the job in LXCA", e.getMessage());
        assertEquals(List.of("LXCA apply failed: LxcaApplyException"), debug);
    }

    @Test
    void aBugIsAnExecutionErrorCalledOneWithItsStackTraceAtErrorAndNoHint() {
        IllegalStateException failure = new IllegalStateException("oops");

        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> failures.fail("LXCA import failed", failure, HINT));

        assertTrue(
                e.getMessage()
                        .startsWith("The import stopped on an unexpected java.lang.IllegalStateException (oops): this"
                                + " is a bug in lxca-maven-plugin"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\nWhat to do: "), e.getMessage());
        assertTrue(!e.getMessage().contains(HINT), e.getMessage());
        assertEquals(
                List.of("The stack trace of the unexpected java.lang.IllegalStateException:: IllegalStateException"),
                errors);
        assertEquals(List.of(), debug);
    }

    @Test
    void anEntrysOwnTrustOrSetUpFailureSaysToChangeThatEntry() {
        for (LxcaException failure : List.of(
                new LxcaCertificateException("LXCA's certificate is not trusted", "AB:CD", null, null),
                new LxcaConfigurationException("Cannot set up TLS", null, List.of(), null, null))) {
            assertEquals(
                    failure.describe() + "\nThis is the <server> entry 'east' of <servers>: change it there (its"
                            + " certificateFingerprint and trustStore take the place of the goal's).",
                    failures.describeEntry("east", failure));
        }
        assertTrue(debug.contains("The rollout failed on east: LxcaCertificateException"), String.valueOf(debug));
    }

    @Test
    void anEntrysOtherFailuresAreTheirReportAlone() {
        LxcaConnectionException unreachable =
                new LxcaConnectionException("Cannot connect to LXCA at east", null, List.of(), null, null);
        LxcaRejectedException refused = new LxcaRejectedException("LXCA refused", 403, null, List.of(), null);

        assertEquals(unreachable.describe(), failures.describeEntry("east", unreachable));
        assertEquals(refused.describe(), failures.describeEntry("east", refused));
    }
}
