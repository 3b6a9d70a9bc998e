package io.github.lxca.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.lxca.client.ConnectionSettings;
import io.github.lxca.client.Credentials;
import io.github.lxca.client.LxcaLog;
import io.github.lxca.client.TrustSettings;
import io.github.lxca.importer.ImportRequest;
import io.github.lxca.importer.ImportResult;
import io.github.lxca.importer.JobProgress;
import io.github.lxca.importer.OnExisting;
import io.github.lxca.importer.UpdateImporter;
import io.github.lxca.update.CheckedPayloads;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One import of an update folder by the plugin's own code ({@link UpdateImporter}, as the Maven goal runs
 * it), measured from inside its JVM: how long the upload request took, how much heap it used on top of
 * what the JVM held before, and the peak resident set. Run by {@code bench/run.sh}; prints one line,
 * {@code result key=value ...} per import ({@code --repeat N} imports N times in the same JVM).
 *
 * <pre>
 * java -Xmx256m -cp ... io.github.lxca.bench.UploadBenchmark --url https://localhost:PORT
 *     --trust-store truststore.p12 --dir FOLDER [--user admin --password ...] [--poll-seconds 1] [--verbose]
 * </pre>
 */
public final class UploadBenchmark {
    private UploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        URI url = URI.create(value(arguments, "--url", null));
        Path trustStore = Path.of(value(arguments, "--trust-store", null));
        Path folder = Path.of(value(arguments, "--dir", null));
        String user = value(arguments, "--user", "admin");
        String password = value(arguments, "--password", "Sim-Pa55-w0rd");
        Duration poll = Duration.ofMillis((long) (Double.parseDouble(value(arguments, "--poll-seconds", "1")) * 1000));
        boolean verbose = arguments.contains("--verbose");
        int repeat = Integer.parseInt(value(arguments, "--repeat", "1"));

        ConnectionSettings connection = new ConnectionSettings(
                url,
                new Credentials(user, password, "the benchmark"),
                new TrustSettings(trustStore, "changeit", null, false, null),
                null,
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                0);
        for (int run = 0; run < repeat; run++) {
            importOnce(connection, folder, poll, verbose);
        }
    }

    /** Imports once and prints its result line; later runs in the same JVM show the client warmed up. */
    private static void importOnce(ConnectionSettings connection, Path folder, Duration poll, boolean verbose)
            throws Exception {
        TimingLog log = new TimingLog(verbose);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong maxAfterGc = watchGarbageCollections();
        HeapSampler sampler = new HeapSampler(memory);
        sampler.start();
        UpdateImporter importer = UpdateImporter.standard(log);
        ImportResult result = importer.importSets(
                importer.check(folder, CheckedPayloads.NONE),
                new ImportRequest(connection, folder, poll, Duration.ofMinutes(30), OnExisting.REPLACE, false),
                new JobProgress());
        sampler.stop();

        long uploadNanos = log.uploadEnd - log.uploadStart;
        long endNoticedNanos = log.importEnd - log.uploadEnd;
        System.out.println(String.format(
                Locale.ROOT,
                "result job=%s state=%s bytes=%d clientUploadMs=%.1f clientMiBps=%.1f baselineHeapMiB=%.1f"
                        + " peakHeapMiB=%.1f heapGrowthMiB=%.1f maxHeapAfterGcMiB=%.1f vmHwmMiB=%.1f"
                        + " uploadEndToImportEndMs=%.0f pollMs=%d jvmStartToUploadEndMs=%d tls=%s",
                result.jobId(),
                result.finalState(),
                result.bytes(),
                uploadNanos / 1e6,
                result.bytes() / 1048576.0 / (uploadNanos / 1e9),
                mib(baseline),
                mib(sampler.peak()),
                mib(sampler.peak() - baseline),
                mib(maxAfterGc.get()),
                vmHwmKiB() / 1024.0,
                endNoticedNanos / 1e6,
                poll.toMillis(),
                log.uploadEndUptimeMillis,
                log.tls));
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static String value(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        if (at >= 0 && at + 1 < arguments.size()) {
            return arguments.get(at + 1);
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return fallback;
    }

    /** The largest heap in use right after any garbage collection: what the import really keeps alive. */
    private static AtomicLong watchGarbageCollections() {
        AtomicLong max = new AtomicLong();
        java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    var info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                            .filter(pool -> heapPools.contains(pool.getKey()))
                                            .mapToLong(pool -> pool.getValue().getUsed())
                                            .sum();
                                    max.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
        return max;
    }

    /** Peak resident set of this process so far, from Linux's /proc; 0 elsewhere. */
    private static long vmHwmKiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Reads the heap in use every few milliseconds and keeps the largest value, garbage included. */
    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory;
        private final Thread thread = new Thread(this, "heap-sampler");
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak;
        }

        @Override
        public void run() {
            while (running) {
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > peak) {
                    peak = used;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Takes the importer's own log lines as time marks: the job is created right before the upload
     * request starts, and "Upload finished" comes right after its reply.
     */
    private static final class TimingLog implements LxcaLog {
        private final boolean verbose;
        volatile long uploadStart;
        volatile long uploadEnd;
        volatile long importEnd;
        /** From the JVM's start: what a pipeline waits for, start-up and check included. */
        volatile long uploadEndUptimeMillis;
        /** The TLS implementation the client said it uses. */
        volatile String tls = "unknown";

        TimingLog(boolean verbose) {
            this.verbose = verbose;
        }

        @Override
        public void info(String message) {
            long now = System.nanoTime();
            if (message.startsWith("Created import job")) {
                uploadStart = now;
            } else if (message.startsWith("Upload finished")) {
                uploadEnd = now;
                uploadEndUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
            } else if (message.startsWith("Imported ")) {
                importEnd = now;
            }
            if (verbose) { // with the JVM's uptime, to set against -XX:+PrintCompilation's
                System.err.println(
                        "[INFO " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms] " + message);
            }
        }

        @Override
        public void warn(String message) {
            System.err.println("[WARN] " + message);
        }

        @Override
        public void debug(String message) {
            if (message.startsWith("TLS: ")) {
                tls = message.startsWith("TLS: Conscrypt") ? "conscrypt" : "jdk";
            }
            if (verbose) {
                System.err.println("[DEBUG] " + message);
            }
        }
    }
}
