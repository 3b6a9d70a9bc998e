package io.github.lxca.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        try (InputStream in = open()) {
            while (left > 0) {
                int n = read(in, buffer, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new FileChangedException(path.getFileName() + " shrank while it was uploaded: " + left
                            + " of the " + size + " bytes checked before the upload are missing");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            if (read(in, buffer, 1) >= 0) {
                throw new FileChangedException(path.getFileName() + " grew while it was uploaded: it has more than"
                        + " the " + size + " bytes checked before the upload");
            }
        }
        out.flush();
    }

    /** Opening the file is a local matter: a file gone since the check is not a network fault. */
    private InputStream open() throws FileChangedException {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new FileChangedException(path + " can no longer be read for the upload (" + describe(e)
                    + "): it was deleted, moved or locked after it was checked");
        }
    }

    private int read(InputStream in, byte[] buffer, int length) throws FileChangedException {
        try {
            return in.read(buffer, 0, length);
        } catch (IOException e) {
            throw new FileChangedException("Reading " + path + " failed during the upload (" + describe(e) + ")");
        }
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The file is not the one that was checked; sending it again would not help. */
    static final class FileChangedException extends IOException {
        FileChangedException(String message) {
            super(message);
        }
    }
}
