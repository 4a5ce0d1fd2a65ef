package io.devops.platform.lifecycle;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When a node last passed a burn-in tier (or a higher one), by the same evidence the delivery gate reads
 * ({@link TierEvidence}): for the recurring burn-in of spare nodes, which starts a node's burn-in once
 * its last one is older than its pool's period.
 */
@Component
public class BurnInHistory {

    /** The tiers, lowest first: QUICK, STANDARD, FULL. */
    public static final List<String> TIERS = Arrays.stream(BurnInTier.values()).map(Enum::name).toList();

    private final AcceptanceVerdicts verdicts;

    BurnInHistory(AcceptanceVerdicts verdicts) {
        this.verdicts = verdicts;
    }

    /** When the node's newest run reaching at least {@code tier} (one of {@link #TIERS}) was judged; empty when none did. */
    public Optional<Instant> lastPassed(long nodeId, String tier) {
        BurnInTier needed = BurnInTier.valueOf(tier);
        return TierEvidence.newestAtLeast(TierEvidence.of(verdicts.ofNode(nodeId)), needed).map(TierEvidence.Reached::at);
    }
}
