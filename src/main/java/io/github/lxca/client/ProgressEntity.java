package io.github.lxca.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Reports the bytes of a request body as they are written. Not repeatable: an upload is sent once,
 * and any retry is a decision of ours, not of the HTTP client.
 */
final class ProgressEntity extends HttpEntityWrapper {
    private final UploadListener listener;

    ProgressEntity(HttpEntity entity, UploadListener listener) {
        super(entity);
        this.listener = listener;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long total = getContentLength();
        super.writeTo(new FilterOutputStream(out) {
            private long sent;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                sent += length;
                listener.progress(sent, total);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                listener.progress(++sent, total);
            }
        });
    }
}
