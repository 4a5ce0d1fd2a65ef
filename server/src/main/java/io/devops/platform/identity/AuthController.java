package io.devops.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Session sign-in for the console, the signed-in user, and changing one's own password. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AuthenticationManager authentication;
    private final UserManagement management;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AuthController(AuthenticationManager authentication, UserManagement management) {
        this.authentication = authentication;
        this.management = management;
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest login, HttpServletRequest request,
                            HttpServletResponse response) {
        try {
            var token = UsernamePasswordAuthenticationToken.unauthenticated(login.username(), login.password());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication.authenticate(token));
            SecurityContextHolder.setContext(context);
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            sessions.saveContext(context, request, response);
            return ResponseEntity.ok(management.me(login.username()));
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "Wrong username or password, or the account is disabled"));
        }
    }

    @GetMapping("/me")
    UserView me(Principal principal) {
        return management.me(principal.getName());
    }

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change, Principal principal) {
        management.changeOwnPassword(principal.getName(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
    }
}
