package io.devops.platform.bmc;

/** Where and as whom to reach one node's BMC; {@link #toString()} never shows the password. */
record BmcTarget(long nodeId, String address, int port, String username, String password) {

    @Override
    public String toString() {
        return "BmcTarget[nodeId=" + nodeId + ", address=" + address + ", port=" + port + ", username=" + username + "]";
    }
}
