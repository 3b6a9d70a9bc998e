package io.github.lxca.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/**
 * A file part of an upload, streamed from disk through one buffer of {@link #BUFFER_SIZE} bytes. HttpClient's
 * own {@code FileBody} copies in 4 KiB steps, which its connection then gathers into 8 KiB writes, one TLS
 * record and one system call each; writes this large go to the socket as they are and leave as full 16 KiB
 * records, and the progress listener is called 16 times less often.
 */
final class UploadFileBody extends AbstractContentBody {
    static final int BUFFER_SIZE = 128 * 1024;

    private final Path path;
    private final String fileName;
    private final long size;

    UploadFileBody(Path path, ContentType contentType, String fileName, long size) {
        super(contentType);
        this.path = path;
        this.fileName = fileName;
        this.size = size;
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    @Override
    public long getContentLength() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long left = size;
        try (InputStream in = Files.newInputStream(path)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new FileChangedException(path.getFileName() + " shrank while it was uploaded: " + left
                            + " of the " + size + " bytes checked before the upload are missing");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            if (in.read() >= 0) {
                throw new FileChangedException(path.getFileName() + " grew while it was uploaded: it has more than"
                        + " the " + size + " bytes checked before the upload");
            }
        }
        out.flush();
    }

    /** The file is not the one that was checked; sending it again would not help. */
    static final class FileChangedException extends IOException {
        FileChangedException(String message) {
            super(message);
        }
    }
}
