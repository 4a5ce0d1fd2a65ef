package io.devops.platform.catalog;

import io.devops.platform.identity.Role;
import io.devops.platform.shared.PlatformException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * A templated variable lets whoever sets an operator's value run Jinja (lookups, pipes) on the
 * control node: only an ADMIN may declare one; everyone else's values stay literal.
 */
final class TemplatedVariableRule {

    private TemplatedVariableRule() {
    }

    /** 403 when {@code draft} asks for a templated variable and {@code caller} is no ADMIN. */
    static void check(VariableDraft draft, Authentication caller) {
        if (draft.isTemplated() && !Role.ADMIN.heldBy(caller)) {
            throw new AdminOnly();
        }
    }

    static final class AdminOnly extends PlatformException {

        AdminOnly() {
            super("Only an ADMIN declares a templated variable: its values are evaluated by Ansible"
                    + " (lookups and pipes run on the server); leave templated out for a literal value");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }
}
