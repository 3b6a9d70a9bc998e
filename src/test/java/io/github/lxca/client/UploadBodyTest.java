package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateFileType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadBodyTest {
    @TempDir
    Path directory;

    @Test
    void namesOnlyTheBoundaryInItsContentTypeAsLenovoDoes() throws IOException {
        Path file = Files.writeString(directory.resolve("lnvgy_sw_lxca_a-1.0.0_anyos_noarch.chg"), "Version: 1.0.0");
        UploadBody body = UploadBody.of(
                List.of(new UpdateFile(UpdateFileType.CHANGE_HISTORY, file, Files.size(file))), (sent, total) -> {});

        String contentType = body.getContentType();

        assertTrue(contentType.matches("multipart/form-data; boundary=[^;\\s]+"), contentType);
    }
}
