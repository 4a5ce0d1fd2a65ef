package io.devops.platform.agentgateway;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NodeUserName;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run on a node: a script with arguments, extra environment, a working directory (the
 * agent's own per-command directory when null), a timeout that both the agent and the server
 * enforce, and {@code runAs}: an unprivileged user of the node the agent runs it as (null: the
 * agent's own user, root by default).
 */
public record CommandSpec(ScriptSource script, List<String> args, Map<String, String> env, String workdir,
                          Duration timeout, String runAs) {

    public static final Duration MAX_TIMEOUT = Duration.ofDays(2);

    public CommandSpec(ScriptSource script, List<String> args, Map<String, String> env, String workdir, Duration timeout) {
        this(script, args, env, workdir, timeout, null);
    }

    public CommandSpec {
        String runAsProblem = NodeUserName.problem(runAs);
        if (runAsProblem != null) {
            throw new InvalidInputException("runAs", runAsProblem);
        }
        if (script == null) {
            throw new InvalidInputException("script", "is required");
        }
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidInputException("timeout", "must be between 1 second and " + MAX_TIMEOUT.toHours() + " hours");
        }
        for (String name : env.keySet()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidInputException("env", "'" + name + "' is not a valid environment variable name");
            }
        }
        if (workdir != null && !workdir.startsWith("/")) {
            throw new InvalidInputException("workdir", "must be an absolute path");
        }
    }

    /** A shell script with no arguments, in the agent's own working directory. */
    public static CommandSpec script(String content, Duration timeout) {
        return new CommandSpec(new ScriptSource.Inline(content), List.of(), Map.of(), null, timeout);
    }
}
