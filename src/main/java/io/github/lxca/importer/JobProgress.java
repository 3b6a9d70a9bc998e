package io.github.lxca.importer;

/**
 * How far an import got, so that the report of one that failed tells the truth: the job it created,
 * that job's last known state, and the bytes of the update files LXCA received in a completed upload.
 */
public final class JobProgress {
    private volatile String jobId;
    private volatile String lastState;
    private volatile long bytesUploaded;

    /** A new job: after an upload that broke off, the next try starts from nothing. */
    void job(String id) {
        jobId = id;
        lastState = null;
        bytesUploaded = 0;
    }

    void uploaded(long bytes) {
        bytesUploaded = bytes;
    }

    void state(String rawState) {
        lastState = rawState;
    }

    /** The job created last, or null when none was. */
    public String jobId() {
        return jobId;
    }

    /** The job's task state when it was last read, or null when it never was. */
    public String lastState() {
        return lastState;
    }

    /** The bytes of the files LXCA received whole; 0 while no upload completed. */
    public long bytesUploaded() {
        return bytesUploaded;
    }
}
