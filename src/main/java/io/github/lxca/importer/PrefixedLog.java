package io.github.lxca.importer;

import io.github.lxca.client.LxcaLog;

/** Puts {@code [host]} before every line, so that the logs of parallel imports can be told apart. */
public final class PrefixedLog implements LxcaLog {
    private final LxcaLog log;
    private final String prefix;

    public PrefixedLog(LxcaLog log, String name) {
        this.log = log;
        this.prefix = "[" + name + "] ";
    }

    @Override
    public void info(String message) {
        log.info(prefix + message);
    }

    @Override
    public void warn(String message) {
        log.warn(prefix + message);
    }

    @Override
    public void debug(String message) {
        log.debug(prefix + message);
    }
}
