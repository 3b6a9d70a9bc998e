package io.github.lxca.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PayloadSourceTest {
    private static final Path FILE = Path.of("given.tgz");
    private static final Path FOLDER = Path.of("payload");

    @Test
    void anExplicitFileOrFolderWinsOverTheMainArtifact() throws Exception {
        assertEquals(new PayloadSource.Archive(FILE), PayloadSource.choose(FILE, null, Path.of("app.tgz")));
        assertEquals(new PayloadSource.Folder(FOLDER), PayloadSource.choose(null, FOLDER, Path.of("app.tgz")));
    }

    @Test
    void theMainArtifactIsUsedWhenItIsAGzipTar() throws Exception {
        assertEquals(
                new PayloadSource.Archive(Path.of("app.tgz")), PayloadSource.choose(null, null, Path.of("app.tgz")));
        assertEquals(
                new PayloadSource.Archive(Path.of("app.TAR.GZ")),
                PayloadSource.choose(null, null, Path.of("app.TAR.GZ")));
    }

    @Test
    void withoutAnyPayloadTheFailureNamesBothParameters() {
        PackagingException e =
                assertThrows(PackagingException.class, () -> PayloadSource.choose(null, null, Path.of("app.jar")));

        assertTrue(e.getMessage().contains("payload (-Dlxca.payload)"), e.getMessage());
        assertTrue(e.getMessage().contains("payloadDirectory (-Dlxca.payloadDirectory)"), e.getMessage());
        assertTrue(e.getMessage().contains("app.jar is not a .tgz"), e.getMessage());
    }

    @Test
    void bothParametersTogetherAreRefused() {
        assertThrows(PackagingException.class, () -> PayloadSource.choose(FILE, FOLDER, null));
    }
}
