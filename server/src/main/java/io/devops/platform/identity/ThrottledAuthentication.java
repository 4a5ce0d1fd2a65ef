package io.devops.platform.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in through {@link SignInThrottle}: refused early when throttled, failures and successes counted. */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "?";
        throttle.waitBefore(attempt.getName(), address).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(attempt.getName(), address);
            return signedIn;
        } catch (AuthenticationException refused) {
            throttle.failed(attempt.getName(), address);
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
