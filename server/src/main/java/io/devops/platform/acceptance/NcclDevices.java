package io.devops.platform.acceptance;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GPUs an all_reduce_perf run names in its {@code # Using devices} lines
 * ({@code #  Rank  8 Group  0 Pid  6733 on host-b device  0 [0000:04:00] NVIDIA H100 80GB HBM3}), with
 * mpirun's rank prefixes allowed, and the network NCCL says it used when NCCL_DEBUG=INFO printed it.
 */
record NcclDevices(int ranks, Set<String> models, Set<String> hosts, String fabric) {

    private static final Pattern DEVICE = Pattern.compile(
            "(?m)^(?:\\[[0-9,]+\\]\\S*\\s?)?#\\s*Rank\\s+(\\d+)\\s+(?:Group\\s+\\d+\\s+)?Pid\\s+\\d+\\s+on\\s+(\\S+)\\s+device\\s+\\d+\\s+\\[[^\\]]*\\]\\s+(.+?)\\s*$");
    private static final Pattern NETWORK = Pattern.compile("NCCL INFO (?:Using network (\\S+)|NET/(\\w+))");

    static NcclDevices of(String output) {
        Set<String> ranks = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        Matcher device = DEVICE.matcher(output);
        while (device.find()) {
            ranks.add(device.group(1));
            hosts.add(device.group(2));
            models.add(device.group(3));
        }
        Matcher network = NETWORK.matcher(output);
        String fabric = network.find() ? (network.group(1) != null ? network.group(1) : network.group(2)) : null;
        return new NcclDevices(ranks.size(), models, hosts, fabric);
    }

    /** The model the output names, or null when it names none or several. */
    String model() {
        return models.size() == 1 ? models.iterator().next() : null;
    }
}
