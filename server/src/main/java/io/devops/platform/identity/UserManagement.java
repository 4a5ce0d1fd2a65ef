package io.devops.platform.identity;

import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and removing users; the last enabled admin can never be removed or demoted. */
@Service
@Transactional
class UserManagement {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final AuthenticationManager passwords;
    private final AuditTrail audit;
    private final Clock clock;

    UserManagement(Users users, ApiTokens tokens, PasswordEncoder encoder, AuthenticationManager passwords,
                   AuditTrail audit, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<UserView> page(PageQuery query) {
        return users.page(query).map(UserView::of);
    }

    @Transactional(readOnly = true)
    UserView get(long id) {
        return UserView.of(find(id));
    }

    @Transactional(readOnly = true)
    UserView me(String username) {
        return users.byUsername(username).map(UserView::of).orElseThrow(() -> new NotFoundException("User", username));
    }

    static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    UserView create(NewUser request) {
        if (!isValidUsername(request.username())) {
            throw new InvalidInputException("username", "use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        PasswordPolicy.check("password", request.password());
        if (users.byUsername(request.username()).isPresent()) {
            throw new ConflictException("A user named '" + request.username() + "' already exists");
        }
        long id = users.insert(request.username(), request.displayName(), encoder.encode(request.password()),
                request.role(), clock.instant(), CurrentActor.name());
        UserView created = get(id);
        audit.record("user.created", "user", id, "Created user " + created.username() + " as " + created.role(), null, created);
        return created;
    }

    /**
     * A null {@code enabled} keeps the account as it is: leaving it out must never re-enable anyone.
     * A disabled account or a reset password ends the user's API tokens: enabling the account again
     * must not bring back tokens that may have leaked.
     */
    UserView update(long id, UserChange change, ExpectedVersion expected) {
        UserView before = get(id);
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        if (change.password() != null) {
            PasswordPolicy.check("password", change.password());
        }
        if (isEnabledAdmin(before) && (change.role() != Role.ADMIN || !enabled)) {
            requireAnotherAdmin(before);
        }
        users.update(id, change.displayName(), change.role(), enabled, expected, clock.instant(), CurrentActor.name());
        if (change.password() != null) {
            users.updatePassword(id, encoder.encode(change.password()), clock.instant(), CurrentActor.name());
        }
        int revoked = !enabled || change.password() != null ? tokens.revokeAllOf(id, clock.instant(), CurrentActor.name()) : 0;
        UserView after = get(id);
        audit.record("user.updated", "user", id, describe(before, after, change.password() != null) + revokedTokens(revoked),
                before, after);
        return after;
    }

    void delete(long id) {
        UserView user = get(id);
        if (user.username().equals(CurrentActor.name())) {
            throw new ConflictException("You cannot delete your own account; ask another admin");
        }
        if (isEnabledAdmin(user)) {
            requireAnotherAdmin(user);
        }
        users.delete(id);
        audit.record("user.deleted", "user", id, "Deleted user " + user.username() + " and revoked their tokens", user, null);
    }

    private static boolean isEnabledAdmin(UserView user) {
        return user.role() == Role.ADMIN && user.enabled();
    }

    private void requireAnotherAdmin(UserView admin) {
        if (users.lockEnabledAdmins() <= 1) {
            throw new ConflictException("User " + admin.username() + " is the last enabled admin; make another admin first");
        }
    }

    /** The summary says what changed, so that the trail reads without comparing JSON. */
    private static String describe(UserView before, UserView after, boolean passwordReset) {
        List<String> changes = new ArrayList<>();
        if (before.role() != after.role()) {
            changes.add("role " + before.role() + " → " + after.role());
        }
        if (before.enabled() != after.enabled()) {
            changes.add(after.enabled() ? "enabled" : "disabled");
        }
        if (!Objects.equals(before.displayName(), after.displayName())) {
            changes.add("display name");
        }
        if (passwordReset) {
            changes.add("password reset");
        }
        return "Changed user " + after.username() + (changes.isEmpty() ? " (nothing)" : ": " + String.join(", ", changes));
    }

    /**
     * The current password is checked as a sign-in is (see {@link ThrottledAuthentication}): wrong
     * guesses count towards the same limit, and past it the answer is {@link SignInThrottledException}
     * without a check. The new password ends the user's API tokens, as an admin's reset does.
     */
    void changeOwnPassword(Authentication currentPassword, String newPassword) {
        String username = currentPassword.getName();
        UserAccount account = users.byUsername(username).orElseThrow(() -> new NotFoundException("User", username));
        try {
            passwords.authenticate(currentPassword);
        } catch (SignInThrottledException throttled) {
            throw throttled;
        } catch (AuthenticationException wrong) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        PasswordPolicy.check("newPassword", newPassword);
        users.updatePassword(account.id(), encoder.encode(newPassword), clock.instant(), username);
        int revoked = tokens.revokeAllOf(account.id(), clock.instant(), username);
        audit.record("user.password-changed", "user", account.id(), username + " changed their password"
                + revokedTokens(revoked), null, Map.of("username", username));
    }

    private static String revokedTokens(int count) {
        return count == 0 ? "" : "; revoked " + count + " API token(s)";
    }

    private UserAccount find(long id) {
        return users.byId(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    record NewUser(String username, String displayName, String password, Role role) {
    }

    record UserChange(String displayName, Role role, Boolean enabled, String password) {
    }
}
