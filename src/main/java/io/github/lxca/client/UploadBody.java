package io.github.lxca.client;

import io.github.lxca.update.UpdateFile;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * The body of an upload: one multipart/form-data entity with an {@link UploadFileBody} part per file, streamed
 * from disk with a known Content-Length, reporting its bytes to an {@link UploadListener} as they are written.
 * Not repeatable: an upload is sent once, and any retry is a decision of ours, not of the HTTP client.
 */
final class UploadBody extends HttpEntityWrapper {
    static final String PART_NAME = "uploadedfiles[]";
    /**
     * HttpClient's own {@code MULTIPART_FORM_DATA} carries {@code charset=ISO-8859-1}, which it then names in the
     * request's Content-Type; Lenovo's page and its Python client send only the boundary.
     */
    private static final ContentType FORM_DATA = ContentType.create("multipart/form-data");

    private final UploadListener listener;
    private volatile CallDeadline deadline;

    private UploadBody(HttpEntity entity, UploadListener listener) {
        super(entity);
        this.listener = listener;
    }

    static UploadBody of(List<UpdateFile> files, UploadListener listener) {
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.STRICT)
                .setContentType(FORM_DATA);
        for (UpdateFile file : files) {
            multipart.addPart(
                    PART_NAME,
                    new UploadFileBody(file.path(), ContentType.create(file.contentType()), file.name(), file.size()));
        }
        return new UploadBody(multipart.build(), listener);
    }

    /** Each write pushes the deadline on (a stall bound), and the end of the body starts the reply's. */
    void watch(CallDeadline deadline) {
        this.deadline = deadline;
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
                progressed();
                listener.progress(sent, total);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progressed();
                listener.progress(++sent, total);
            }

            private void progressed() {
                CallDeadline watching = deadline;
                if (watching != null) {
                    watching.progress();
                }
            }
        });
        CallDeadline watching = deadline;
        if (watching != null) {
            watching.bodySent();
        }
    }
}
