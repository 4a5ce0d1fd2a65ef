package io.devops.platform.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Too many wrong passwords (at sign-in or as the current one in a password change): refused before
 * the password is checked, answered 429 with Retry-After.
 */
final class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins (or wrong current passwords) from this address for this user; try again in "
                + seconds(retryAfter) + " s, or ask an admin to check the account");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: what Retry-After carries. */
    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
