package io.devops.platform.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until a deadline: tests never sleep blindly. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T within(Duration timeout, String what, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
