package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaCertificateException;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaFailureException;
import io.github.lxca.client.LxcaTaskFailedException;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.importer.ImportCoordinator;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.ReportEntry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the build ends for each way one import fails: a broken environment (LXCA unreachable, untrusted, or
 * the client cannot be set up) is Maven's "execution" error with a hint where the URL came from; a refusal
 * by LXCA is a "failure"; a bug names itself as one.
 */
class ImportOutcomeHandlerTest {
    private static final String URL_ORIGIN =
            "The URL https://lxca.example.com came from lxca.url from the command line (-Dlxca.url).";

    @TempDir
    Path work;

    private final List<String> debug = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private ImportOutcomeHandler handler() {
        return new ImportOutcomeHandler(work.resolve("report.json"), URL_ORIGIN, new SystemStreamLog() {
            @Override
            public void debug(CharSequence content, Throwable error) {
                debug.add(content + ": " + error);
            }

            @Override
            public void error(CharSequence content, Throwable error) {
                errors.add(content + ": " + error);
            }

            @Override
            public void info(CharSequence content) {}
        });
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        new LxcaConnectionException(
                                "Cannot connect to LXCA at lxca.example.com", null, List.of(), null, null),
                        MojoExecutionException.class,
                        true),
                Arguments.of(
                        new LxcaCertificateException("LXCA's certificate is not trusted", "AB:CD", null, null),
                        MojoExecutionException.class,
                        true),
                Arguments.of(
                        new LxcaConfigurationException("Cannot set up TLS", null, List.of(), null, null),
                        MojoExecutionException.class,
                        true),
                Arguments.of(
                        new LxcaFailureException(
                                LxcaFailureException.Kind.AUTHENTICATION,
                                "LXCA rejected user 'admin'",
                                null,
                                List.of(),
                                null,
                                null),
                        MojoFailureException.class,
                        false),
                Arguments.of(
                        new LxcaTaskFailedException("Import job 3 ended 'Failed'", "3", List.of(), null, null),
                        MojoFailureException.class,
                        false),
                Arguments.of(new IllegalStateException("oops"), MojoExecutionException.class, false));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void oneFailedImportFailsTheBuildAsItsKindOfFailure(
            Exception failure, Class<? extends Exception> expected, boolean hintsAtTheUrl) throws Exception {
        Exception e = assertThrows(Exception.class, () -> handler().finish(List.of("fix"), List.of(failed(failure))));

        assertInstanceOf(expected, e);
        assertEquals(expected, e.getClass(), "exactly " + expected.getSimpleName());
        assertTrue(e.getMessage().contains("\nWhat to do: "), e.getMessage());
        assertEquals(hintsAtTheUrl, e.getMessage().endsWith("\n" + URL_ORIGIN), e.getMessage());
        assertEquals(null, e.getCause(), "no cause: Maven would append its message to the headline");
        assertTrue(Files.exists(work.resolve("report.json")), "the report is written before the build fails");
    }

    @Test
    void theStackTraceOfAnExpectedFailureGoesToDebugAndABugsToError() {
        assertThrows(
                MojoFailureException.class,
                () -> handler()
                        .finish(
                                List.of(),
                                List.of(failed(new LxcaFailureException(
                                        LxcaFailureException.Kind.AUTHENTICATION,
                                        "LXCA rejected user 'admin'",
                                        null,
                                        List.of(),
                                        null,
                                        null)))));
        assertThrows(
                MojoExecutionException.class,
                () -> handler().finish(List.of(), List.of(failed(new IllegalStateException()))));

        assertEquals(1, debug.size(), String.valueOf(debug));
        assertTrue(
                debug.get(0).startsWith("LXCA import failed: io.github.lxca.client.LxcaFailureException"),
                debug.get(0));
        assertEquals(1, errors.size(), String.valueOf(errors));
        assertTrue(
                errors.get(0).startsWith("The stack trace of the unexpected java.lang.IllegalStateException:"),
                errors.get(0));
    }

    @Test
    void aFailureAmongSeveralLxcasNamesEachThatFailed() {
        ReportEntry east = failed(new LxcaFailureException(
                LxcaFailureException.Kind.AUTHENTICATION, "LXCA rejected user 'admin'", null, List.of(), null, null));
        ReportEntry west =
                failed(new LxcaConnectionException("Cannot connect to LXCA at west", null, List.of(), null, null));

        var e = assertThrows(MojoFailureException.class, () -> handler().finish(List.of("fix"), List.of(east, west)));

        assertTrue(e.getMessage().startsWith("The import failed on 2 of 2 LXCAs:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n[https://lxca.example.com] LXCA rejected user 'admin'"), e.getMessage());
        assertTrue(
                e.getMessage().contains("\n[https://lxca.example.com] Cannot connect to LXCA at west"), e.getMessage());
    }

    @Test
    void aRunWithoutFailureEndsTheBuildWell() throws Exception {
        ReportEntry imported = new ReportEntry(
                "https://lxca.example.com",
                "admin",
                io.github.lxca.importer.ImportOutcome.IMPORTED,
                "3",
                "Complete",
                List.of("fix"),
                List.of(),
                10,
                5,
                null,
                null,
                List.of(),
                null);

        handler().finish(List.of("fix"), List.of(imported));

        assertTrue(Files.readString(work.resolve("report.json")).contains("\"IMPORTED\""));
    }

    private static ReportEntry failed(Exception failure) {
        ConnectionSettings connection = new ConnectionSettings(
                URI.create("https://lxca.example.com"),
                new Credentials("admin", "pw", "test"),
                new TrustSettings(null, null, null, false, null),
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                0);
        ImportRequest request = new ImportRequest(
                connection,
                Path.of("sets"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                io.github.lxca.importer.OnExisting.FAIL,
                false);
        return ImportCoordinator.failedBeforeStart(List.of(request), failure).get(0);
    }
}
