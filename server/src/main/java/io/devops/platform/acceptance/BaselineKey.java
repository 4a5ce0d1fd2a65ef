package io.devops.platform.acceptance;

/** What a baseline is kept per: GPU model (as the inventory declares it), driver branch, check and metric. */
record BaselineKey(String gpuModel, String driverBranch, String check, String metric) {

    static final String UNKNOWN_BRANCH = "unknown";

    /** The driver branch of a version: its major number ("550" of "550.54.15"), "unknown" without a readable one. */
    static String branchOf(String driverVersion) {
        if (driverVersion == null) {
            return UNKNOWN_BRANCH;
        }
        String major = driverVersion.strip().split("\\.", 2)[0];
        return major.matches("[0-9]{1,6}") ? major : UNKNOWN_BRANCH;
    }
}
