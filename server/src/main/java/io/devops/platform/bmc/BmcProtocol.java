package io.devops.platform.bmc;

/** How the platform talks to a BMC: IPMI 2.0 over LAN (RMCP+) for now; Redfish could join later. */
enum BmcProtocol {
    IPMI
}
