package io.devops.platform.lifecycle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The burn-in tiers, lowest first, each with the checks whose passing verdicts prove it: a higher
 * tier holds every check of the lower ones, so it satisfies them. The checks, not the name of the job
 * that ran, decide the tier a run reached: a run that skipped a check did not reach that tier.
 */
enum BurnInTier {

    /** Inventory against the pool's spec, the XID / ECC / remap scan and DCGM level 1: minutes. */
    QUICK(1, List.of("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag")),
    /** Adds DCGM level 2, single-node NCCL, nvbandwidth and GPUDirect RDMA loopback: under 30 minutes. */
    STANDARD(2, List.of("nccl_all_reduce", "nvbandwidth", "ib_write_bw")),
    /** Adds DCGM level 3, the sustained GPU stress and the multi-node all-reduce: hours. */
    FULL(3, List.of("gpu_stress", "nccl_all_reduce_multi"));

    /** The check whose level a tier names: DCGM's {@code -r}. */
    static final String LEVELLED_CHECK = "dcgm_diag";

    private final int dcgmLevel;
    private final List<String> added;

    BurnInTier(int dcgmLevel, List<String> added) {
        this.dcgmLevel = dcgmLevel;
        this.added = added;
    }

    /** Every check this tier needs: its own and those of the tiers below it. */
    Set<String> checks() {
        Set<String> all = new LinkedHashSet<>();
        for (BurnInTier tier : values()) {
            all.addAll(tier.added);
            if (tier == this) {
                break;
            }
        }
        return all;
    }

    boolean satisfies(BurnInTier needed) {
        return compareTo(needed) >= 0;
    }

    /**
     * The highest tier whose checks are all among {@code passed} with DCGM at least at its level;
     * empty when not even QUICK's are. {@code dcgmLevel}: the level the run's DCGM diagnostic ran at,
     * 1 when its report did not say (a run never proves more than it shows).
     */
    static Optional<BurnInTier> reachedBy(Set<String> passed, int dcgmLevel) {
        BurnInTier reached = null;
        for (BurnInTier tier : values()) {
            if (!passed.containsAll(tier.checks()) || dcgmLevel < tier.dcgmLevel) {
                break;
            }
            reached = tier;
        }
        return Optional.ofNullable(reached);
    }

    static Optional<BurnInTier> named(String name) {
        return name == null ? Optional.empty() : Optional.of(valueOf(name));
    }
}
