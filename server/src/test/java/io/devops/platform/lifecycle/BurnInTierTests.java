package io.devops.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BurnInTierTests {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aHigherTierSatisfiesALowerOneAndNeverTheOtherWay() {
        assertThat(BurnInTier.FULL.satisfies(BurnInTier.STANDARD)).isTrue();
        assertThat(BurnInTier.STANDARD.satisfies(BurnInTier.STANDARD)).isTrue();
        assertThat(BurnInTier.QUICK.satisfies(BurnInTier.STANDARD)).isFalse();
    }

    @Test
    void eachTierNeedsTheChecksOfTheTiersBelowIt() {
        assertThat(BurnInTier.QUICK.checks()).containsExactly("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag");
        assertThat(BurnInTier.FULL.checks()).containsAll(BurnInTier.STANDARD.checks()).contains("gpu_stress", "nccl_all_reduce_multi");
    }

    @Test
    void theTierReachedIsTheHighestWhoseChecksAllPassed() {
        assertThat(BurnInTier.reachedBy(BurnInTier.STANDARD.checks())).hasValue(BurnInTier.STANDARD);
        Set<String> standardWithoutIb = new java.util.HashSet<>(BurnInTier.STANDARD.checks());
        standardWithoutIb.remove("ib_write_bw");
        assertThat(BurnInTier.reachedBy(standardWithoutIb)).hasValue(BurnInTier.QUICK);
        assertThat(BurnInTier.reachedBy(Set.of("gpu_inventory", "xid"))).isEmpty();
    }

    @Test
    void aRunWithAnyCheckNotPassingReachesNoTierEvenWithEveryCheckOfOne() {
        List<NodeVerdict> verdicts = new ArrayList<>(run(1, BurnInTier.STANDARD, T));
        verdicts.add(verdict(1, "nvlink", CheckVerdict.FAIL, T));

        assertThat(TierEvidence.of(verdicts)).isEmpty();
    }

    @Test
    void theNewestRunOfAtLeastTheNeededTierIsFoundAndWarnPasses() {
        List<NodeVerdict> verdicts = new ArrayList<>(run(1, BurnInTier.FULL, T.minusSeconds(86_400 * 20)));
        verdicts.addAll(run(2, BurnInTier.STANDARD, T.minusSeconds(86_400 * 3)));
        verdicts.addAll(run(3, BurnInTier.QUICK, T));
        verdicts.add(verdict(3, "pcie", CheckVerdict.WARN, T));

        List<TierEvidence.Reached> reached = TierEvidence.of(verdicts);

        assertThat(reached).extracting(TierEvidence.Reached::tier).containsExactly(BurnInTier.QUICK, BurnInTier.STANDARD, BurnInTier.FULL);
        assertThat(TierEvidence.newestAtLeast(reached, BurnInTier.STANDARD)).get().extracting(TierEvidence.Reached::runId).isEqualTo(2L);
        assertThat(TierEvidence.newestAtLeast(reached, BurnInTier.FULL)).get().extracting(TierEvidence.Reached::at)
                .isEqualTo(T.minusSeconds(86_400 * 20));
    }

    static List<NodeVerdict> run(long runId, BurnInTier tier, Instant at) {
        return tier.checks().stream().map(check -> verdict(runId, check, CheckVerdict.PASS, at)).toList();
    }

    private static NodeVerdict verdict(long runId, String check, CheckVerdict verdict, Instant at) {
        return new NodeVerdict(7, "10.0.0.7", runId, null, CheckResult.fault(check, verdict, 0.0, 0.0, "x", check), at, null, 1000L);
    }
}
