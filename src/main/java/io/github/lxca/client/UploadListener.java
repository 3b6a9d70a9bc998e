package io.github.lxca.client;

/** Told how many bytes of an upload have gone onto the wire. Called from the uploading thread. */
@FunctionalInterface
public interface UploadListener {
    void progress(long bytesSent, long totalBytes);
}
