package io.github.lxca.maven;

/**
 * Keeps HttpClient's debug logging out of {@code mvn -X} output. Its wire, header and cookie loggers
 * print request bodies (the login password), session cookies and CSRF tokens. Maven's SLF4J provider
 * reads per-logger levels from system properties when a logger is created, so this must run before
 * the first HttpClient class loads. A level the user sets explicitly is left alone.
 */
final class QuietHttpWireLog {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.apache.hc";

    private QuietHttpWireLog() {}

    static void apply() {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "info");
        }
    }
}
