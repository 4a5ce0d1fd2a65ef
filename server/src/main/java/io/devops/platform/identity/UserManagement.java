package io.devops.platform.identity;

import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and removing users; the last enabled admin can never be removed or demoted. */
@Service
@Transactional
class UserManagement {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    UserManagement(Users users, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
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

    UserView create(NewUser request) {
        if (!USERNAME.matcher(request.username()).matches()) {
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

    UserView update(long id, UserChange change) {
        UserView before = get(id);
        boolean losesAdmin = before.role() == Role.ADMIN && before.enabled()
                && (change.role() != Role.ADMIN || !change.enabled());
        if (losesAdmin && users.countEnabledAdmins() <= 1) {
            throw new ConflictException("User " + before.username() + " is the last enabled admin; make another admin first");
        }
        users.update(id, change.displayName(), change.role(), change.enabled(), clock.instant(), CurrentActor.name());
        if (change.password() != null) {
            PasswordPolicy.check("password", change.password());
            users.updatePassword(id, encoder.encode(change.password()), clock.instant(), CurrentActor.name());
        }
        UserView after = get(id);
        audit.record("user.updated", "user", id, "Changed user " + after.username(), before, after);
        return after;
    }

    void delete(long id) {
        UserView user = get(id);
        if (user.username().equals(CurrentActor.name())) {
            throw new ConflictException("You cannot delete your own account; ask another admin");
        }
        if (user.role() == Role.ADMIN && user.enabled() && users.countEnabledAdmins() <= 1) {
            throw new ConflictException("User " + user.username() + " is the last enabled admin");
        }
        users.delete(id);
        audit.record("user.deleted", "user", id, "Deleted user " + user.username() + " and revoked their tokens", user, null);
    }

    void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = users.byUsername(username).orElseThrow(() -> new NotFoundException("User", username));
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        PasswordPolicy.check("newPassword", newPassword);
        users.updatePassword(account.id(), encoder.encode(newPassword), clock.instant(), username);
        audit.record("user.password-changed", "user", account.id(), username + " changed their password", null,
                Map.of("username", username));
    }

    private UserAccount find(long id) {
        return users.byId(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    record NewUser(String username, String displayName, String password, Role role) {
    }

    record UserChange(String displayName, Role role, boolean enabled, String password) {
    }
}
