package io.devops.platform.bmc;

/** A node's BMC as checked by {@link BmcRules}, ready to store. */
record BmcSettings(long nodeId, String address, int port, long credentialId, BmcProtocol protocol) {
}
