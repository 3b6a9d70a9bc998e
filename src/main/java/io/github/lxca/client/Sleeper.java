package io.github.lxca.client;

import java.time.Duration;

/** Waits; tests hand in one that moves a test clock instead. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
