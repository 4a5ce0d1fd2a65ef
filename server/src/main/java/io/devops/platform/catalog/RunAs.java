package io.devops.platform.catalog;

import java.util.regex.Pattern;

/**
 * The unprivileged node user a shell may run as: the same rule as the agent gateway's
 * {@code CommandSpec.runAsProblem} (a portable POSIX name, never root), kept here because the
 * catalog does not depend on the gateway. Only the agent switches users safely (setpriv into a
 * directory of the user's own), so a script that names one must be dispatched to the agents:
 * over Ansible it would run as the SSH user, root.
 */
final class RunAs {

    private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private RunAs() {
    }

    /** Why {@code runAs} cannot be used with {@code dispatch}, or null when it can (null itself included). */
    static String problem(String runAs, Dispatch dispatch) {
        if (runAs == null) {
            return null;
        }
        if (!USER_NAME.matcher(runAs).matches()) {
            return "'" + runAs + "' is not a user name: a lower-case letter or _, then up to 31 lower-case letters, digits, _ or -";
        }
        if (runAs.equals("root")) {
            return "runs as root already when left out; name an unprivileged user";
        }
        if (dispatch != Dispatch.AGENT) {
            return "is honoured by the node agent only; set dispatch to agent (it is " + dispatch.apiName()
                    + ", which would run the script as the node's SSH user)";
        }
        return null;
    }
}
