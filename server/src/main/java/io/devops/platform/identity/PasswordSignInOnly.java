package io.devops.platform.identity;

import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * For what must not be done with an API token: making, listing or revoking tokens, and changing a
 * password. A leaked token could otherwise make itself a successor that outlives its revocation,
 * or take over the account. A console session and HTTP Basic both proved the password, so they may.
 */
final class PasswordSignInOnly implements AuthorizationManager<RequestAuthorizationContext> {

    static final String TOKEN_REFUSED_DETAIL = "An API token cannot manage API tokens or change a password: sign in"
            + " with your password (the console, or HTTP Basic) to do this";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext request) {
        Authentication caller = authentication.get();
        if (caller instanceof ApiTokenAuthentication) {
            return new TokenRefused();
        }
        return new AuthorizationDecision(TRUST.isAuthenticated(caller));
    }

    /** The refusal {@link ProblemResponses#forbidden()} answers with {@link #TOKEN_REFUSED_DETAIL}. */
    record TokenRefused() implements AuthorizationResult {

        @Override
        public boolean isGranted() {
            return false;
        }
    }
}
