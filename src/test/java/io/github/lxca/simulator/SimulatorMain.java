package io.github.lxca.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the LXCA simulator as a program, for a person rehearsing a pipeline and for the build's
 * integration tests.
 *
 * <pre>
 * java ... SimulatorMain --dir target/lxca-simulator [--port 8443] [--polls 2]
 * java ... SimulatorMain --await target/lxca-simulator [--seconds 60]
 * </pre>
 *
 * The first form starts the simulator and keeps running. Into the folder it writes
 * {@code truststore.p12} (password {@code changeit}), {@code fingerprint.txt}, {@code events.log},
 * {@code secrets.log}, the imported files under {@code repository/}, and last {@code url.txt}. The
 * second form waits until a simulator started with that folder is ready.
 */
public final class SimulatorMain {
    public static final String USER = "admin";
    public static final String PASSWORD = "Sim-Pa55-w0rd";

    private SimulatorMain() {}

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(List.of(args));
        String await = arguments.value("--await", null);
        if (await != null) {
            awaitReady(Path.of(await), Duration.ofSeconds(Long.parseLong(arguments.value("--seconds", "60"))));
            return;
        }
        Path directory = Path.of(arguments.value("--dir", "target/lxca-simulator")).toAbsolutePath();
        Files.createDirectories(directory);
        Files.deleteIfExists(directory.resolve("url.txt"));
        LxcaSimulator simulator = LxcaSimulator.builder()
                .port(Integer.parseInt(arguments.value("--port", "0")))
                .pollsToComplete(Integer.parseInt(arguments.value("--polls", "2")))
                .workDirectory(Files.createDirectories(directory.resolve("work")))
                .repositoryDirectory(directory.resolve("repository"))
                .journalDirectory(directory)
                .start();
        simulator.addUser(USER, PASSWORD);
        for (Fault fault : Fault.values()) {
            simulator.addUser(fault.userName(), PASSWORD, fault);
        }
        simulator.writeTrustStore(directory.resolve("truststore.p12"));
        Files.writeString(directory.resolve("fingerprint.txt"), simulator.fingerprint() + "\n");
        Path url = Files.writeString(directory.resolve("url.txt.tmp"), simulator.url() + "\n", StandardCharsets.UTF_8);
        Files.move(url, directory.resolve("url.txt"), StandardCopyOption.ATOMIC_MOVE); // readiness: whole or absent
        System.out.println("LXCA simulator listening on " + simulator.url());
        System.out.println("  user " + USER + ", password " + PASSWORD
                + " (users named after a fault, such as upload-409, show that fault)");
        System.out.println("  certificate SHA-256 " + simulator.fingerprint());
        System.out.println("  trust store " + directory.resolve("truststore.p12") + " (password changeit)");
        System.out.println("  imported files go to " + directory.resolve("repository"));
        Thread.currentThread().join(); // the server's threads are daemons: keep the program alive until stopped
    }

    private static void awaitReady(Path directory, Duration limit) throws Exception {
        Path ready = directory.resolve("url.txt");
        Instant deadline = Instant.now().plus(limit);
        while (!Files.exists(ready)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The LXCA simulator did not start within " + limit.toSeconds()
                        + " s; see " + directory.resolve("simulator.log"));
            }
            Thread.sleep(100);
        }
        System.out.println("LXCA simulator ready at " + Files.readString(ready).strip());
    }

    private record Arguments(List<String> args) {
        String value(String name, String fallback) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
        }
    }
}
