package io.devops.platform.bmc;

/**
 * Power control of a node through its BMC. Both calls block while the BMC is asked (bounded by
 * timeouts) and never throw for what the BMC or the network does: a failure is a result with a
 * reason. Neither ever puts the BMC's password in a result or a log.
 */
public interface BmcPower {

    /**
     * Asks the node's BMC to power-cycle it, then reads the power state until it is on again.
     * SUCCEEDED only when the BMC acknowledged the cycle and then reported the power on.
     */
    PowerResult powerCycle(long nodeId);

    /** The node's power state as its BMC reports it now; UNKNOWN with the reason when it cannot be read. */
    PowerStatus powerStatus(long nodeId);
}
