package io.devops.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Session sign-in for the console, the signed-in user, and changing one's own password. */
@RestController
@TenantAware
@RequestMapping("/api/v1/auth")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final AuthenticationManager authentication;
    private final UserManagement management;
    private final CsrfAuthenticationStrategy csrfRotation;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    AuthController(AuthenticationManager authentication, UserManagement management, CsrfTokenRepository csrfTokens) {
        this.authentication = authentication;
        this.management = management;
        this.csrfRotation = new CsrfAuthenticationStrategy(csrfTokens);
        var renderAtOnce = new CsrfTokenRequestAttributeHandler();
        renderAtOnce.setCsrfRequestAttributeName(null); // the login answer already carries the new XSRF-TOKEN cookie
        this.csrfRotation.setRequestHandler(renderAtOnce);
    }

    /** Failures are logged by {@link SignInLog}; the password is never logged or answered. */
    @PostMapping("/login")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest login, HttpServletRequest request,
                            HttpServletResponse response) {
        Authentication signedIn;
        try {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(login.username(), login.password());
            attempt.setDetails(details.buildDetails(request));
            signedIn = authentication.authenticate(attempt);
        } catch (SignInThrottledException throttled) {
            return tooManyFailures(throttled);
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ProblemResponses.CREDENTIALS_REFUSED));
        }
        startSession(signedIn, request, response);
        log.info("'{}' signed in from {}", signedIn.getName(), request.getRemoteAddr());
        return ResponseEntity.ok(management.me(signedIn.getName()));
    }

    /** New session id and new CSRF token: nothing set or seen before sign-in is worth anything after it. */
    private void startSession(Authentication signedIn, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        csrfRotation.onAuthentication(signedIn, request, response);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    @GetMapping("/me")
    UserView me(Principal principal) {
        return management.me(principal.getName());
    }

    /** Wrong passwords, at sign-in or in a password change: 429 until the throttle lets the next one be checked. */
    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> tooManyFailures(SignInThrottledException throttled) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage()));
    }

    /**
     * Every session signed in with the old password ends (see {@link SessionAccountCheck}); the one
     * that made the change is signed in again with the new password, under a new id. An API token
     * never gets here (see {@link PasswordSignInOnly}).
     */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change, Authentication caller,
                                        HttpServletRequest request, HttpServletResponse response) {
        var currentPassword = UsernamePasswordAuthenticationToken.unauthenticated(caller.getName(), change.currentPassword());
        currentPassword.setDetails(details.buildDetails(request));
        management.changeOwnPassword(currentPassword, change.newPassword());
        if (caller.getPrincipal() instanceof SignedInAccount && request.getSession(false) != null) {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(caller.getName(), change.newPassword());
            attempt.setDetails(details.buildDetails(request));
            startSession(authentication.authenticate(attempt), request, response);
        }
        return ResponseEntity.noContent().build();
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record PasswordChange(@NotBlank @Size(max = 200) String currentPassword, @NotBlank String newPassword) {
    }
}
