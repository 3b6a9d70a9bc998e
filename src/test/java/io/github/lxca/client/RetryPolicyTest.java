package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void backsOffExponentiallyUpToTheCapWithJitterOnTop() {
        RetryPolicy none = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> {}, () -> 0.0);
        assertEquals(Duration.ofSeconds(1), none.delayBefore(1));
        assertEquals(Duration.ofSeconds(2), none.delayBefore(2));
        assertEquals(Duration.ofSeconds(4), none.delayBefore(3));
        assertEquals(Duration.ofSeconds(30), none.delayBefore(10));
        assertEquals(Duration.ofSeconds(30), none.delayBefore(64), "no overflow for absurd retry counts");

        RetryPolicy most = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> {}, () -> 1.0);
        assertEquals(Duration.ofMillis(1500), most.delayBefore(1));
        assertEquals(Duration.ofSeconds(45), most.delayBefore(10));
    }
}
