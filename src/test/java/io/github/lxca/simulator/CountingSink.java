package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.success;

import io.github.lxca.simulator.SimulatorState.Job;
import io.github.lxca.simulator.SimulatorState.Phase;
import io.github.lxca.simulator.SimulatorState.User;
import java.io.IOException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

/** An upload's body only read and counted, for benchmarks (see {@link LxcaSimulator.Builder#countingSink}). */
final class CountingSink {
    private final SimulatorState state;
    private final long timelineStep;

    CountingSink(SimulatorState state, long timelineStep) {
        this.state = state;
        this.timelineStep = timelineStep;
    }

    /**
     * Reads the body chunk by chunk straight from Jetty's buffers and counts it. Records one event,
     * {@code upload-sink <job> <user> bytes=<n> firstByteEpochMs=<t> nanos=<d>}: when the first body byte
     * arrived (wall clock, for measuring a tool's start-up) and how long from then to the last byte. A second
     * event, {@code upload-timeline <job> <ms>...}, gives the milliseconds from the first byte at which each
     * further {@link LxcaSimulator.Builder#timelineStep} bytes (32 MiB) had arrived: it tells an upload that
     * starts slow and then catches up from one that is slow throughout.
     */
    Reply count(Request request, Job job, User user) throws IOException {
        long declared = request.getLength();
        long bytes = 0;
        long firstByteNanos = 0;
        long firstByteEpochMs = 0;
        StringBuilder timeline = new StringBuilder();
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                try (Blocker.Runnable blocker = Blocker.runnable()) {
                    request.demand(blocker);
                    blocker.block();
                }
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                throw new IOException("the upload broke off after " + bytes + " bytes", chunk.getFailure());
            }
            int length = chunk.remaining();
            if (length > 0 && bytes == 0) {
                firstByteNanos = System.nanoTime();
                firstByteEpochMs = System.currentTimeMillis();
            }
            bytes += length;
            if (bytes / timelineStep != (bytes - length) / timelineStep) {
                timeline.append(' ').append((System.nanoTime() - firstByteNanos) / 1_000_000);
            }
            chunk.release();
            if (chunk.isLast()) {
                break;
            }
        }
        long nanos = bytes == 0 ? 0 : System.nanoTime() - firstByteNanos;
        if (declared >= 0 && declared != bytes) {
            state.event("upload-invalid " + job.id + " [Content-Length " + declared + " but " + bytes + " bytes]");
            return json(
                    400,
                    failure(
                            "FQXHMUP2008L",
                            "The upload is shorter or longer than its Content-Length.",
                            "Content-Length " + declared + ", body " + bytes + " bytes",
                            ""));
        }
        job.phase = Phase.UPLOADED;
        job.countedOnly = true;
        state.event("upload-sink " + job.id + " " + user.name() + " bytes=" + bytes + " firstByteEpochMs="
                + firstByteEpochMs + " nanos=" + nanos);
        state.event("upload-timeline " + job.id + timeline);
        return json(201, success());
    }
}
