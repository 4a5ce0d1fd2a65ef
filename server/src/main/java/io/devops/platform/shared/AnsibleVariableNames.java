package io.devops.platform.shared;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names Ansible accepts for variables: a Python identifier that is neither a Python keyword
 * nor one of Ansible's own names (a value that defined {@code hostvars} or {@code ansible_host}
 * would break or redirect the play). Shared by the catalog (role variables) and the inventory
 * (pool and node variables).
 */
public final class AnsibleVariableNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert",
            "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
            "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
            "raise", "return", "try", "while", "with", "yield", "true", "false", "none");

    /** Ansible's magic variables and play keywords (ansible.vars.reserved). */
    private static final Set<String> ANSIBLE_RESERVED = Set.of("hostvars", "groups", "group_names",
            "inventory_hostname", "inventory_hostname_short", "inventory_dir", "inventory_file", "omit",
            "play_hosts", "ansible_play_hosts", "playbook_dir", "role_name", "role_names", "role_path",
            "environment", "vars", "name", "hosts", "roles", "tasks", "handlers", "pre_tasks", "post_tasks",
            "become", "become_user", "become_method", "connection", "gather_facts", "port", "remote_user",
            "serial", "strategy", "tags", "when", "register", "delegate_to", "run_once", "no_log", "any_errors_fatal",
            "ignore_errors", "module_defaults", "collections", "debugger", "throttle", "timeout", "check_mode",
            "diff", "async", "poll", "loop", "with_items", "notify", "listen", "action", "local_action", "args",
            "block", "rescue", "always", "vars_files", "vars_prompt", "facts", "lookup", "q", "query");

    private AnsibleVariableNames() {
    }

    /** Why {@code name} cannot be a variable name, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            return Optional.of("must be a valid Ansible identifier: a letter or _, then letters, digits or _ "
                    + "(at most 64), such as local_nvidia_driver_path");
        }
        if (PYTHON_KEYWORDS.contains(name)) {
            return Optional.of("'" + name + "' is a Python keyword");
        }
        if (ANSIBLE_RESERVED.contains(name)) {
            return Optional.of("'" + name + "' is a name Ansible reserves for itself");
        }
        if (name.startsWith("ansible_")) {
            return Optional.of("names starting with ansible_ belong to Ansible (connection and fact variables)");
        }
        return Optional.empty();
    }

}
