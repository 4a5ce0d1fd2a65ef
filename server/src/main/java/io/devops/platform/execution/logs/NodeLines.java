package io.devops.platform.execution.logs;

/**
 * One node's lines of a step's output. Every line a node produces is written "ip | line" (Ansible
 * through the callback, agents and launchers likewise), and the platform's own lines about a node
 * name it as "[platform] ip: ...", so a node's output is a filter, not a second copy.
 */
public final class NodeLines {

    private final String prefix;
    private final String platformPrefix;

    private NodeLines(String ip) {
        this.prefix = ip + " | ";
        this.platformPrefix = "[platform] " + ip + ":";
    }

    public static NodeLines of(String ip) {
        return new NodeLines(ip);
    }

    /** The lines of {@code text} that belong to the node, without their "ip | " prefix. */
    public String keep(String text) {
        StringBuilder kept = new StringBuilder();
        text.lines().forEach(line -> {
            if (line.startsWith(prefix)) {
                kept.append(line, prefix.length(), line.length()).append('\n');
            } else if (line.startsWith(platformPrefix)) {
                kept.append(line).append('\n');
            }
        });
        return kept.toString();
    }
}
