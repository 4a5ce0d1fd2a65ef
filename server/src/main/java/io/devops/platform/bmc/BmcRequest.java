package io.devops.platform.bmc;

import jakarta.validation.constraints.Size;

/** The body of PUT /nodes/{id}/bmc; port defaults to 623 and protocol to IPMI. */
record BmcRequest(@Size(max = 253) String address, Integer port, Long credentialId, @Size(max = 16) String protocol) {
}
