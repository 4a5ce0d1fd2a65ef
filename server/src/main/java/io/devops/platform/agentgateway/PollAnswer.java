package io.devops.platform.agentgateway;

import java.util.List;
import java.util.Map;

/**
 * The answer to an agent's long-poll: commands to start and ids of commands to kill. Small scripts
 * travel inline (base64); larger ones are fetched by hash. Either way the agent checks the hash.
 */
record PollAnswer(List<Command> commands, List<Long> cancel) {

    static final PollAnswer EMPTY = new PollAnswer(List.of(), List.of());

    boolean isEmpty() {
        return commands.isEmpty() && cancel.isEmpty();
    }

    record Command(long id, String scriptSha256, String scriptBase64, List<String> args, Map<String, String> env,
                   String workdir, int timeoutSeconds, String runAs) {
    }
}
