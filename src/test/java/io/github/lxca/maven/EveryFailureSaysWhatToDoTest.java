package io.github.lxca.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.client.LxcaCertificateException;
import io.github.lxca.client.LxcaConfigurationException;
import io.github.lxca.client.LxcaConnectionException;
import io.github.lxca.client.LxcaException;
import io.github.lxca.client.LxcaFailureException;
import io.github.lxca.client.LxcaProtocolException;
import io.github.lxca.client.LxcaRejectedException;
import io.github.lxca.client.LxcaTaskFailedException;
import io.github.lxca.client.LxcaTaskTimeoutException;
import io.github.lxca.importer.FailureMessage;
import io.github.lxca.packaging.PackagingException;
import io.github.lxca.update.InvalidUpdateSetException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every failure type in src/main, found on the class path, has a {@code What to do:} line in what the
 * user reads. Each is made here as the code makes it when it knows nothing better to say (no
 * suggestion), so that a type's own fallback is what is checked. A new type fails this test until it
 * is given a sample here, and one without such a line fails it after that.
 */
class EveryFailureSaysWhatToDoTest {

    private static final Map<Class<?>, Supplier<Exception>> SAMPLES = Map.ofEntries(
            Map.entry(
                    io.github.lxca.apply.LxcaApplyException.class,
                    () -> new io.github.lxca.apply.LxcaApplyException(
                            io.github.lxca.apply.ApplyOutcome.VERSION_UNCHANGED,
                            "LXCA still runs version 1.0.0",
                            new io.github.lxca.apply.ApplyRecord(
                                    "s", "x", null, "3", List.of(), 0, "1.0.0", "1.0.0", "2.0.0", null, null),
                            List.of(),
                            null)),
            Map.entry(
                    LxcaFailureException.class,
                    () -> new LxcaFailureException(
                            LxcaFailureException.Kind.VERIFICATION,
                            "LXCA's repository does not list x",
                            "3",
                            List.of(),
                            null,
                            null)),
            Map.entry(
                    LxcaCertificateException.class,
                    () -> new LxcaCertificateException("The TLS handshake failed", null, null, null)),
            Map.entry(
                    LxcaConfigurationException.class,
                    () -> new LxcaConfigurationException("Cannot set up TLS", null, List.of(), null, null)),
            Map.entry(
                    LxcaConnectionException.class,
                    () -> new LxcaConnectionException("The connection broke", "3", List.of(), null, null)),
            Map.entry(
                    LxcaProtocolException.class,
                    () -> new LxcaProtocolException("LXCA's reply is not a task list", "3", List.of(), null, null)),
            Map.entry(
                    LxcaRejectedException.class,
                    () -> new LxcaRejectedException("LXCA refused to log in: HTTP 418", 418, null, List.of(), null)),
            Map.entry(
                    LxcaTaskFailedException.class,
                    () -> new LxcaTaskFailedException("Import job 3 ended 'Cancelled'", "3", List.of(), null, null)),
            Map.entry(
                    LxcaTaskTimeoutException.class,
                    () -> new LxcaTaskTimeoutException("Import job 3 did not end", "3", List.of(), null, null)),
            Map.entry(
                    InvalidUpdateSetException.class,
                    () -> new InvalidUpdateSetException(Path.of("update"), List.of("x.tgz is not a gzip file"))),
            Map.entry(
                    PackagingException.class,
                    () -> new PackagingException("The payload folder holds no files", "build the payload first")),
            Map.entry(
                    PluginConfigurationException.class,
                    () -> new PluginConfigurationException(
                            "lxca.retries must be 0 or more, not -1", "give 0 or more")));

    /** Failure types that never reach the user: each is turned into one of the types above, as the reason says. */
    private static final Map<String, String> INTERNAL = Map.of(
            "io.github.lxca.client.UploadFileBody$FileChangedException",
            "the client turns it into an LxcaFailureException of kind UPLOAD_SOURCE_CHANGED",
            "io.github.lxca.client.CallDeadline$Passed",
            "the client turns it into an LxcaConnectionException naming the deadline");

    @Test
    void everyFailureTypeHasAWhatToDoLine() throws Exception {
        List<String> withoutSample = new ArrayList<>();
        List<String> withoutWhatToDo = new ArrayList<>();
        for (Class<?> type : failureTypesInMain()) {
            if (INTERNAL.containsKey(type.getName())) {
                continue;
            }
            Supplier<Exception> sample = SAMPLES.get(type);
            if (sample == null) {
                withoutSample.add(type.getName());
                continue;
            }
            String shown = shownToTheUser(sample.get());
            if (!shown.lines()
                    .anyMatch(line -> line.startsWith("What to do: ") && line.length() > "What to do: ".length())) {
                withoutWhatToDo.add(type.getName() + ": " + shown);
            }
        }
        assertEquals(List.of(), withoutSample, "failure types with no sample in this test: add one");
        assertEquals(List.of(), withoutWhatToDo, "failure types whose message has no 'What to do:' line");
    }

    @Test
    void theScanFindsTheFailureTypes() throws Exception {
        Set<Class<?>> found = failureTypesInMain();
        assertTrue(found.containsAll(SAMPLES.keySet()), "found " + found);
    }

    @Test
    void anUnexpectedRuntimeExceptionSaysWhatToDoToo() {
        assertTrue(FailureMessage.of(new NullPointerException()).contains("\nWhat to do: "));
    }

    /** What the build shows: the report of an LXCA failure, else the message (the mojo passes it on as is). */
    private static String shownToTheUser(Exception failure) {
        return failure instanceof LxcaException lxca ? lxca.describe() : FailureMessage.of(failure);
    }

    /** The concrete classes under io.github.lxca in the main classes folder that are Throwables. */
    private static Set<Class<?>> failureTypesInMain() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(LxcaException.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<Class<?>> types = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = classes.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                if (!name.startsWith("io.github.lxca.")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, EveryFailureSaysWhatToDoTest.class.getClassLoader());
                if (Throwable.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
