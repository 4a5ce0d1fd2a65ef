package io.devops.platform.catalog;

import io.devops.platform.shared.NodeUserName;

/**
 * The unprivileged node user a shell may run as: a {@link NodeUserName}. Only the agent switches
 * users safely (setpriv into a directory of the user's own), so a script that names one must be
 * dispatched to the agents: over Ansible it would run as the SSH user, root.
 */
final class RunAs {

    private RunAs() {
    }

    /** Why {@code runAs} cannot be used with {@code dispatch}, or null when it can (null itself included). */
    static String problem(String runAs, Dispatch dispatch) {
        String nameProblem = NodeUserName.problem(runAs);
        if (runAs == null || nameProblem != null) {
            return nameProblem;
        }
        if (dispatch != Dispatch.AGENT) {
            return "is honoured by the node agent only; set dispatch to agent (it is " + dispatch.apiName()
                    + ", which would run the script as the node's SSH user)";
        }
        return null;
    }
}
