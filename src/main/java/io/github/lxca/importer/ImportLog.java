package io.github.lxca.importer;

/** Where the importer reports what it does; the Maven goal adapts its own log to this. */
public interface ImportLog {
    void info(String message);

    void warn(String message);

    void debug(String message);
}
