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
        assertThat(BurnInTier.reachedBy(BurnInTier.STANDARD.checks(), 3)).hasValue(BurnInTier.STANDARD);
        Set<String> standardWithoutIb = new java.util.HashSet<>(BurnInTier.STANDARD.checks());
        standardWithoutIb.remove("ib_write_bw");
        assertThat(BurnInTier.reachedBy(standardWithoutIb, 3)).hasValue(BurnInTier.QUICK);
        assertThat(BurnInTier.reachedBy(Set.of("gpu_inventory", "xid"), 3)).isEmpty();
    }

    @Test
    void aTierNeedsDcgmAtItsOwnLevelNotAnyLevel() {
        assertThat(BurnInTier.reachedBy(BurnInTier.FULL.checks(), 1)).hasValue(BurnInTier.QUICK);
        assertThat(BurnInTier.reachedBy(BurnInTier.FULL.checks(), 2)).hasValue(BurnInTier.STANDARD);
        assertThat(BurnInTier.reachedBy(BurnInTier.FULL.checks(), 3)).hasValue(BurnInTier.FULL);
    }

    @Test
    void aRunWhoseDcgmReportDoesNotSayItsLevelProvesQuickAtMost() {
        List<NodeVerdict> unsaid = BurnInTier.FULL.checks().stream()
                .map(check -> new NodeVerdict(7, "10.0.0.7", 9, null, CheckResult.fault(check, CheckVerdict.PASS, 0.0, 0.0, "x", check),
                        T, null, 1000L))
                .toList();

        assertThat(TierEvidence.of(unsaid)).extracting(TierEvidence.Reached::tier).containsExactly(BurnInTier.QUICK);
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

    /** Every check of {@code tier} passed, DCGM at the tier's level. */
    static List<NodeVerdict> run(long runId, BurnInTier tier, Instant at) {
        return tier.checks().stream().map(check -> check.equals(BurnInTier.LEVELLED_CHECK)
                ? new NodeVerdict(7, "10.0.0.7", runId, null, CheckResult.fault(check, CheckVerdict.PASS, 0.0, 0.0, "x", check), at,
                        null, 1000L, null, tier.ordinal() + 1)
                : verdict(runId, check, CheckVerdict.PASS, at)).toList();
    }

    private static NodeVerdict verdict(long runId, String check, CheckVerdict verdict, Instant at) {
        return new NodeVerdict(7, "10.0.0.7", runId, null, CheckResult.fault(check, verdict, 0.0, 0.0, "x", check), at, null, 1000L);
    }
}
