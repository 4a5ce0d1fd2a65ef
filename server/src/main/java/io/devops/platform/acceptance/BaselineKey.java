package io.devops.platform.acceptance;

/**
 * What a baseline is kept per: GPU model (as the inventory declares it), driver branch, check, metric
 * and group size ({@code nodeCount}: how many nodes took part, 1 for a single-node check; 0 for the
 * multi-node baselines from before V58, whose size is unknown and which no new result matches).
 */
record BaselineKey(String gpuModel, String driverBranch, String check, String metric, int nodeCount) {

    static final String UNKNOWN_BRANCH = "unknown";

    /** How a baseline's group size reads in messages: nothing for one node. */
    String groupSize() {
        return nodeCount == 1 ? "" : nodeCount == 0 ? ", group size unknown" : ", " + nodeCount + " nodes";
    }

    /** The driver branch of a version: its major number ("550" of "550.54.15"), "unknown" without a readable one. */
    static String branchOf(String driverVersion) {
        if (driverVersion == null) {
            return UNKNOWN_BRANCH;
        }
        String major = driverVersion.strip().split("\\.", 2)[0];
        return major.matches("[0-9]{1,6}") ? major : UNKNOWN_BRANCH;
    }
}
