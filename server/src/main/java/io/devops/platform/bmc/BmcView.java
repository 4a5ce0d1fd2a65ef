package io.devops.platform.bmc;

import java.time.Instant;

/** A node's BMC as the API shows it: where it is and which credential logs in, never the password. */
record BmcView(long nodeId, String address, int port, long credentialId, String protocol, Instant updatedAt,
               String updatedBy) {
}
