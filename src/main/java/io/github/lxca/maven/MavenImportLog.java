package io.github.lxca.maven;

import io.github.lxca.client.LxcaLog;
import org.apache.maven.plugin.logging.Log;

/** The importer's log, written to Maven's. */
final class MavenImportLog implements LxcaLog {
    private final Log log;

    MavenImportLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
