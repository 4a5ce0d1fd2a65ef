package io.devops.platform.inventory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the inventory accepts as a node's host name, GPU type and GPU count, whoever supplies
 * them: a user (one node or an import) or the node's own agent in its facts. Each check answers
 * the rule broken, which never quotes the value.
 */
public final class NodeRules {

    public static final int MAX_GPU_COUNT = 64;
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern GPU_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");

    private NodeRules() {
    }

    public static Optional<String> hostnameProblem(String hostname) {
        return matches(HOSTNAME, hostname) ? Optional.empty()
                : Optional.of("must be a DNS host name (letters, digits, '-', dots; 253 at most)");
    }

    public static Optional<String> gpuTypeProblem(String gpuType) {
        return matches(GPU_TYPE, gpuType) ? Optional.empty()
                : Optional.of("must be 1-64 letters, digits, spaces, '_', '.' or '-'");
    }

    public static Optional<String> gpuCountProblem(long gpuCount) {
        return gpuCount >= 0 && gpuCount <= MAX_GPU_COUNT ? Optional.empty()
                : Optional.of("must be between 0 and " + MAX_GPU_COUNT);
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
