package io.github.lxca.simulator;

import java.nio.file.Path;

/**
 * How a simulator was built, as its endpoints need it.
 *
 * @param workDirectory where multipart uploads are buffered and kept while a job runs
 * @param repositoryDirectory where imported files are kept, or null to keep none
 * @param pollsToComplete how many task polls a job takes from upload to Complete
 * @param countingSink whether uploads are only counted (see {@link LxcaSimulator.Builder#countingSink})
 * @param timelineStep how many bytes apart a counting sink notes the time
 */
record SimulatorSettings(
        Path workDirectory, Path repositoryDirectory, int pollsToComplete, boolean countingSink, long timelineStep) {

    /** Where a job's uploaded files wait until it completes. */
    Path uploadsOf(String jobId) {
        return workDirectory.resolve("uploads").resolve("job-" + jobId);
    }
}
