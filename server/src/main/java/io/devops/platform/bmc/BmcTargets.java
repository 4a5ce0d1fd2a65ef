package io.devops.platform.bmc;

import java.util.Optional;

/** Finds a node's BMC and opens its credential, for the moment of a power action. */
interface BmcTargets {

    /**
     * Empty when the node has no BMC.
     *
     * @throws RuntimeException when the credential cannot be opened (no master key, altered secret)
     */
    Optional<BmcTarget> of(long nodeId);
}
