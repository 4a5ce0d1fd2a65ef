package io.devops.platform.shared;

import java.util.regex.Pattern;

/**
 * The unprivileged node user a command or script may run as ({@code runAs}): a portable POSIX
 * name, never root. One rule for the agent gateway's commands and the catalog's scripts.
 */
public final class NodeUserName {

    /** No leading '-', nothing the shell or setpriv would read otherwise. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private NodeUserName() {
    }

    /** Why {@code runAs} cannot be used, or null when it can (null itself included: run as root). */
    public static String problem(String runAs) {
        if (runAs == null) {
            return null;
        }
        if (!NAME.matcher(runAs).matches()) {
            return "'" + runAs + "' is not a user name: a lower-case letter or _, then up to 31 lower-case letters, digits, _ or -";
        }
        if (runAs.equals("root")) {
            return "runs as root already when left out; name an unprivileged user";
        }
        return null;
    }
}
