package io.devops.platform.identity;

import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.DisplayName;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Clock;
import io.devops.platform.identity.UserView.TenantRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final TenantMemberships memberships;
    private final TenantDirectory tenants;

    UserManagement(Users users, ApiTokens tokens, PasswordEncoder encoder, AuthenticationManager passwords,
                   AuditTrail audit, Clock clock, TenantMemberships memberships, TenantDirectory tenants) {
        this.users = users;
        this.memberships = memberships;
        this.tenants = tenants;
        this.tokens = tokens;
        this.encoder = encoder;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<UserView> page(PageQuery query) {
        return users.page(query).map(this::view);
    }

    @Transactional(readOnly = true)
    UserView get(long id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    UserView me(String username) {
        return users.byUsername(username).map(this::view).orElseThrow(() -> new NotFoundException("User", username));
    }

    static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    UserView create(NewUser request) {
        if (!isValidUsername(request.username())) {
            // The sign-in name stays ASCII (typed on any keyboard, never two that look alike); displayName takes any Unicode.
            String rule = "use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; put a Chinese"
                    + " or other name in displayName";
            throw new InvalidInputException("username: " + rule, List.of(new InputError("username", rule, "username.format", 64)));
        }
        PasswordPolicy.check("password", request.password());
        Map<Long, Role> reach = reach(request.role(), request.tenantRoles());
        if (users.byUsername(request.username()).isPresent()) {
            throw new ConflictException("A user named '" + request.username() + "' already exists");
        }
        long id = users.insert(request.username(), DisplayName.checkOptional("displayName", request.displayName()),
                encoder.encode(request.password()),
                request.role(), clock.instant(), CurrentActor.name());
        memberships.replace(id, reach);
        UserView created = get(id);
        audit.record("user.created", "user", id, "Created user " + created.username() + " as " + describeReach(created),
                null, created);
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
        Map<Long, Role> reach = reach(change.role(), change.tenantRoles());
        if (isEnabledAdmin(before) && (change.role() != Role.ADMIN || !enabled)) {
            requireAnotherAdmin(before);
        }
        users.update(id, DisplayName.checkOptional("displayName", change.displayName()), change.role(), enabled, expected,
                clock.instant(), CurrentActor.name());
        memberships.replace(id, reach);
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
        if (before.role() != after.role() || !before.tenantRoles().equals(after.tenantRoles())) {
            changes.add("reach " + describeReach(before) + " → " + describeReach(after));
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

    /**
     * A user is either of the operations team (a global role, no memberships) or a tenant user (no
     * role, OPERATOR or VIEWER of one or more existing tenants): never both, never neither.
     */
    private Map<Long, Role> reach(Role role, List<TenantRole> tenantRoles) {
        List<TenantRole> given = tenantRoles == null ? List.of() : tenantRoles;
        if (role != null && !given.isEmpty()) {
            throw new InvalidInputException("tenantRoles", "give either a global role or tenant roles, not both");
        }
        if (role == null && given.isEmpty()) {
            throw new InvalidInputException("role", "give a global role (ADMIN, OPERATOR, VIEWER) or tenantRoles");
        }
        Map<Long, Role> reach = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            TenantRole membership = given.get(i);
            String field = "tenantRoles[" + i + "]";
            if (membership == null || membership.role() == null || membership.role() == Role.ADMIN) {
                throw new InvalidInputException(field + ".role", "must be OPERATOR or VIEWER");
            }
            if (!tenants.exists(membership.tenantId())) {
                throw new InvalidInputException(field + ".tenantId", "tenant " + membership.tenantId() + " does not exist");
            }
            if (reach.put(membership.tenantId(), membership.role()) != null) {
                throw new InvalidInputException(field + ".tenantId", "tenant " + membership.tenantId() + " is given twice");
            }
        }
        return reach;
    }

    private static String describeReach(UserView user) {
        return user.role() != null ? user.role().name() : user.tenantRoles().stream()
                .map(membership -> membership.role() + " of tenant " + membership.tenantId()).toList().toString();
    }

    private UserView view(UserAccount account) {
        return UserView.of(account, memberships.ofUser(account.id()));
    }

    private static String revokedTokens(int count) {
        return count == 0 ? "" : "; revoked " + count + " API token(s)";
    }

    private UserAccount find(long id) {
        return users.byId(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    record NewUser(String username, String displayName, String password, Role role, List<TenantRole> tenantRoles) {
    }

    record UserChange(String displayName, Role role, Boolean enabled, String password, List<TenantRole> tenantRoles) {
    }
}
