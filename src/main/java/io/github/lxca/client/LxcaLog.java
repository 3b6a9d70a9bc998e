package io.github.lxca.client;

/** Where the client and the importer report what they do; the Maven goal adapts its own log to this. */
public interface LxcaLog {
    void info(String message);

    void warn(String message);

    void debug(String message);
}
