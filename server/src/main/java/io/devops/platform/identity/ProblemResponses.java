package io.devops.platform.identity;

import io.devops.platform.shared.ProblemLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem+json, so that scripts get the same error shape as everywhere else. */
final class ProblemResponses {

    static final String SIGN_IN_FIRST =
            "Sign in first: send a session cookie, 'Authorization: Bearer <api token>' or HTTP Basic credentials";
    /** One answer for a wrong password, an unknown user and a disabled account: nobody learns which names exist. */
    static final String CREDENTIALS_REFUSED =
            "Wrong username or password, or the account is disabled; ask an admin if you cannot sign in";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final JsonMapper json;
    private final ProblemLanguage language;

    ProblemResponses(JsonMapper json, ProblemLanguage language) {
        this.json = json;
        this.language = language;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                write(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
            } else {
                write(request, response, HttpStatus.UNAUTHORIZED,
                        e instanceof InsufficientAuthenticationException ? SIGN_IN_FIRST : CREDENTIALS_REFUSED);
            }
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            if (e instanceof CsrfException && !isSignedIn()) {
                // The CSRF check runs before sign-in is required; for an anonymous caller, signing in is the fix.
                write(request, response, HttpStatus.UNAUTHORIZED, SIGN_IN_FIRST);
            } else if (e instanceof AuthorizationDeniedException denied
                    && denied.getAuthorizationResult() instanceof PasswordSignInOnly.TokenRefused) {
                write(request, response, HttpStatus.FORBIDDEN, PasswordSignInOnly.TOKEN_REFUSED_DETAIL);
            } else if (e instanceof CsrfException) {
                write(request, response, HttpStatus.FORBIDDEN, "Changes made with the session cookie need the CSRF token: "
                        + "send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header (scripts: use an API token instead)");
            } else {
                write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this: " + request.getMethod() + " "
                        + request.getRequestURI() + " needs a higher role (VIEWER reads, OPERATOR changes inventory,"
                        + " catalog and runs, ADMIN manages users)");
            }
        };
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpHeaders headers = new HttpHeaders();
        language.localize(problem, request, headers);
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean isSignedIn() {
        return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }
}
