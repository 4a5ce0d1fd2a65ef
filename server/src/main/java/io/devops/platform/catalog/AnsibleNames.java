package io.devops.platform.catalog;

import io.devops.platform.shared.AnsibleVariableNames;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which names Ansible accepts for variables and roles. A variable must be a Python identifier that
 * is neither a Python keyword nor one of Ansible's own names: a value set that defined
 * {@code hostvars} or {@code ansible_host} would break or redirect the play.
 */
final class AnsibleNames {

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private AnsibleNames() {
    }

    /** Why {@code name} cannot be a variable name, or empty when it can. */
    static Optional<String> variableNameProblem(String name) {
        return AnsibleVariableNames.problem(name);
    }

    static Optional<String> roleNameProblem(String name) {
        if (name == null || !ROLE_NAME.matcher(name).matches()) {
            return Optional.of("must be a role name: a letter or _, then letters, digits, _ or - (at most 64)");
        }
        return Optional.empty();
    }
}
