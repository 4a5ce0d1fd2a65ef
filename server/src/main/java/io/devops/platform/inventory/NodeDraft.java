package io.devops.platform.inventory;

import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A node as a user describes it (one API call or one line of an import), before it is checked
 * against the database. {@link #problems()} lists everything wrong with it at once.
 */
record NodeDraft(String ip, String hostname, String nodeType, String gpuType, Integer gpuCount, Integer sshPort,
                 String sshUser, Long nodePoolId, String nodePool, Map<String, String> labels, Long credentialId) {

    static final String DEFAULT_NODE_TYPE = "gpu";
    static final int DEFAULT_SSH_PORT = 22;
    private static final Pattern NODE_TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern SSH_USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    List<InputError> problems() {
        List<InputError> problems = new ArrayList<>();
        if (IpAddress.parse(ip).isEmpty()) {
            problems.add(new InputError("ip", "'" + ip + "' is not an IPv4 or IPv6 address"));
        }
        check(problems, "hostname", hostname, NodeRules::hostnameProblem);
        check(problems, "nodeType", nodeType, NODE_TYPE, "must be 1-32 lower-case letters, digits, '_' or '-'");
        check(problems, "gpuType", gpuType, NodeRules::gpuTypeProblem);
        check(problems, "sshUser", sshUser, SSH_USER, "must be a Linux user name");
        if (gpuCount != null) {
            NodeRules.gpuCountProblem(gpuCount).ifPresent(problem -> problems.add(new InputError("gpuCount", problem)));
        }
        if (sshPort != null && (sshPort < 1 || sshPort > 65535)) {
            problems.add(new InputError("sshPort", "must be between 1 and 65535"));
        }
        if (nodePoolId != null && nodePool != null) {
            problems.add(new InputError("nodePool", "give nodePoolId or nodePool (a name), not both"));
        }
        LabelRules.problems(labels).forEach(problem -> problems.add(new InputError("labels", problem)));
        return problems;
    }

    private static void check(List<InputError> problems, String field, String value, Pattern pattern, String rule) {
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(new InputError(field, rule));
        }
    }

    private static void check(List<InputError> problems, String field, String value,
                              Function<String, Optional<String>> rule) {
        if (value != null) {
            rule.apply(value).ifPresent(problem -> problems.add(new InputError(field, problem)));
        }
    }

    /** The canonical IP; only call after {@link #problems()} found none. */
    String canonicalIp() {
        return IpAddress.parse(ip).orElseThrow().value();
    }

    String nodeTypeOrDefault() {
        return nodeType == null ? DEFAULT_NODE_TYPE : nodeType;
    }

    int sshPortOrDefault() {
        return sshPort == null ? DEFAULT_SSH_PORT : sshPort;
    }

    Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }
}
