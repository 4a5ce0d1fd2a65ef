package io.devops.platform.agentgateway;

import java.time.Duration;
import java.util.function.Supplier;

/** The gateway tests' name for {@link io.devops.platform.support.Eventually}. */
final class Eventually {

    private Eventually() {
    }

    static <T> T within(Duration timeout, String what, Supplier<T> probe) throws InterruptedException {
        return io.devops.platform.support.Eventually.within(timeout, what, probe);
    }
}
