package io.devops.platform.acceptance;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fleet's baselines: judges a check's result by its judging mode before the verdict is stored
 * ({@link #judge}) and learns from it after ({@link #learn}), so that no verdict is judged against a
 * baseline that includes itself. Learns from every PASS with a figure, whatever the mode, so that a
 * check switched to BASELINE has one ready.
 */
@Service
@Transactional
public class FleetBaselines {

    /**
     * The checks judged by a baseline, and the metric of the figure it keeps. nvbandwidth reports one of
     * two figures: only its device-device one is baselined (its result names the metric).
     */
    static final Map<String, String> METRICS = Map.of(
            NcclAllReduceCheck.NAME, NcclLineJudge.METRIC,
            NcclAllReduceMultiCheck.NAME, NcclLineJudge.METRIC,
            TorchAllReduceCheck.NAME, TorchAllReduceCheck.METRIC,
            IbWriteBwCheck.NAME, IbWriteBwCheck.METRIC,
            NvbandwidthCheck.NAME, NvbandwidthCheck.PEER_METRIC);

    private final BaselineStore store;
    private final JudgingRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final int window;
    private final int minSamples;

    FleetBaselines(BaselineStore store, JudgingRules rules, AuditTrail audit, Clock clock,
                   @Value("${devops.acceptance.baselines.window:20}") int window,
                   @Value("${devops.acceptance.baselines.min-samples:8}") int minSamples) {
        if (window < 1 || minSamples < 1 || minSamples > window) {
            throw new IllegalStateException("devops.acceptance.baselines: need 1 <= min-samples <= window, got "
                    + minSamples + " and " + window);
        }
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
        this.window = window;
        this.minSamples = minSamples;
    }

    /** The result by the check's judging mode; {@code driverVersion} from the node's facts (null when unknown). */
    @Transactional(readOnly = true)
    public Baselined judge(CheckResult byLine, NodeContext node, String driverVersion) {
        BaselineKey key = key(byLine, node, driverVersion);
        if (key == null) {
            return Baselined.without(byLine);
        }
        return BaselineJudge.judge(byLine, rules.of(byLine.check()), store.find(key).orElse(null), minSamples);
    }

    /** Adds a stored PASS with a figure to its baseline; call after the verdict is stored, never before judging it. */
    public void learn(Baselined judged, NodeContext node, String driverVersion, long runId, long nodeId) {
        CheckResult result = judged.result();
        BaselineKey key = key(result, node, driverVersion);
        if (key == null || result.verdict() != CheckVerdict.PASS || result.measured() == null) {
            return;
        }
        Baseline baseline = store.lockedOrCreated(key, result.unit(), window, clock.instant());
        store.addSample(baseline.id(), result.measured(), runId, nodeId, clock.instant());
        if (!baseline.pinned()) {
            recompute(baseline.id());
        }
    }

    @Transactional(readOnly = true)
    List<Baseline> list(String gpuModel, String check, String metric) {
        return store.list(gpuModel, check, metric);
    }

    @Transactional(readOnly = true)
    List<BaselineStore.Point> history(long id) {
        found(id);
        return store.history(id);
    }

    Baseline pin(long id, String comment) {
        Baseline before = found(id);
        if (before.value() == null) {
            throw new InvalidInputException("id", "baseline " + id + " has no value yet: nothing to pin");
        }
        store.pin(id, comment, CurrentActor.name(), clock.instant());
        Baseline after = found(id);
        audit.record("acceptance-baseline.pinned", "acceptance_baselines", id, "Pinned the baseline " + describe(after) + " at "
                + Figures.two(after.value()) + " " + after.unit() + ": " + comment, before, after);
        return after;
    }

    /** Unpinned, the baseline is the median of its latest results again, including those that arrived while it was pinned. */
    Baseline unpin(long id, String comment) {
        Baseline before = found(id);
        store.unpin(id, clock.instant());
        recompute(id);
        Baseline after = found(id);
        audit.record("acceptance-baseline.unpinned", "acceptance_baselines", id, "Unpinned the baseline " + describe(after)
                + (comment == null ? "" : ": " + comment), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    List<JudgingRule> modes() {
        return METRICS.keySet().stream().sorted().map(rules::of).toList();
    }

    JudgingRule setMode(JudgingRule rule) {
        JudgingRule before = rules.of(rule.check());
        rules.save(rule, CurrentActor.name(), clock.instant());
        JudgingRule after = rules.of(rule.check());
        audit.record("acceptance-judging.changed", "acceptance_judging_modes", rule.check(), "Judging " + rule.check() + " by "
                + rule.mode() + " (FAIL over " + Figures.two(rule.failBelowPercent()) + " %, WARN over "
                + Figures.two(rule.warnBelowPercent()) + " % below the baseline)", before, after);
        return after;
    }

    int minSamples() {
        return minSamples;
    }

    private void recompute(long id) {
        List<Double> latest = store.lastSamples(id, window);
        if (!latest.isEmpty()) {
            store.setValue(id, Medians.of(latest), latest.size(), window, clock.instant());
        }
    }

    private Baseline found(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("Baseline", id));
    }

    private static String describe(Baseline baseline) {
        BaselineKey key = baseline.key();
        return key.check() + " " + key.metric() + " of " + key.gpuModel() + ", driver " + key.driverBranch() + key.groupSize();
    }

    /** The key of a result, null for a check without a baselined figure (or reporting another one) or a node without a declared GPU model. */
    private static BaselineKey key(CheckResult result, NodeContext node, String driverVersion) {
        String metric = METRICS.get(result.check());
        boolean otherFigure = result.metric() != null && !result.metric().equals(metric);
        if (metric == null || otherFigure || node.gpuType() == null || node.gpuType().isBlank()) {
            return null;
        }
        return new BaselineKey(node.gpuType().strip(), BaselineKey.branchOf(driverVersion), result.check(), metric, node.nodeCount());
    }
}
