package io.devops.platform.acceptance;

import io.devops.platform.acceptance.ThresholdsController.ThresholdInput;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the pass lines, picks the one for a GPU model, and replaces them all (validated, audited). */
@Service
@Transactional
class ThresholdSettings {

    private final AcceptanceThresholds thresholds;
    private final AuditTrail audit;
    private final Clock clock;

    ThresholdSettings(AcceptanceThresholds thresholds, AuditTrail audit, Clock clock) {
        this.thresholds = thresholds;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ThresholdRule> all() {
        return thresholds.all();
    }

    /** The most specific rule for the GPUs (see {@link ThresholdRule}), if any. */
    static Optional<ThresholdRule> best(List<ThresholdRule> rules, String model, int count) {
        ThresholdRule best = null;
        for (ThresholdRule rule : rules) {
            if (rule.matches(model, count) && (best == null || rule.specificity() > best.specificity())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    List<ThresholdRule> replace(List<ThresholdInput> inputs) {
        List<ThresholdRule> rules = ThresholdRules.validate(inputs);
        List<ThresholdRule> before = thresholds.all();
        thresholds.replaceAll(rules, clock.instant(), CurrentActor.name());
        List<ThresholdRule> after = thresholds.all();
        audit.record("acceptance-thresholds.replaced", "acceptance_thresholds", null, "Set " + after.size()
                + " acceptance threshold(s): " + after.stream().map(rule -> rule.name() + " >= " + rule.minBusBwGbps() + " GB/s")
                .collect(Collectors.joining(", ")), before, after);
        return after;
    }
}
