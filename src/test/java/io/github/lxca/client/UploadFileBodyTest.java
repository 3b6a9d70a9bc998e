package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFileBodyTest {
    @TempDir
    Path directory;

    @Test
    void writesTheWholeFileInLargeWrites() throws IOException {
        byte[] content = new byte[UploadFileBody.BUFFER_SIZE * 3 + 17];
        new Random(1).nextBytes(content);
        Path file = Files.write(directory.resolve("a.tgz"), content);
        UploadFileBody body =
                new UploadFileBody(file, ContentType.create("application/x-compressed"), "a.tgz", content.length);
        int[] writes = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                writes[0]++;
                super.write(bytes, offset, length);
            }
        };

        body.writeTo(out);

        assertArrayEquals(content, out.toByteArray());
        assertEquals(4, writes[0]);
        assertEquals(content.length, body.getContentLength());
        assertEquals("a.tgz", body.getFilename());
    }

    @Test
    void sendsNoMoreThanTheSizeAnnouncedAndFailsWhenTheFileGrewOrShrank() throws IOException {
        Path file = Files.write(directory.resolve("b.chg"), new byte[100]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException grew = assertThrows(
                UploadFileBody.FileChangedException.class,
                () -> new UploadFileBody(file, ContentType.APPLICATION_OCTET_STREAM, "b.chg", 60).writeTo(out));
        assertEquals(60, out.size());
        assertEquals(
                "b.chg grew while it was uploaded: it has more than the 60 bytes checked before the upload",
                grew.getMessage());

        IOException shrank = assertThrows(
                UploadFileBody.FileChangedException.class,
                () -> new UploadFileBody(file, ContentType.APPLICATION_OCTET_STREAM, "b.chg", 150)
                        .writeTo(java.io.OutputStream.nullOutputStream()));
        assertTrue(shrank.getMessage().contains("50 of the 150 bytes"), shrank.getMessage());
    }
}
