package io.github.lxca.testing;

import io.github.lxca.client.LxcaLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps every line logged, prefixed with its level, for assertions. */
public final class RecordingLog implements LxcaLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public synchronized void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines());
    }
}
