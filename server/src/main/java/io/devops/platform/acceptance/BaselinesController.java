package io.devops.platform.acceptance;

import io.devops.platform.acceptance.LinesController.AdminOnly;
import io.devops.platform.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fleet's baselines and each check's judging mode: read by any VIEWER; pinned, unpinned and the
 * modes changed by an ADMIN only (they decide which nodes are delivered, as the lines do).
 */
@RestController
class BaselinesController {

    private static final int MAX_COMMENT = 500;
    private final FleetBaselines baselines;

    BaselinesController(FleetBaselines baselines) {
        this.baselines = baselines;
    }

    @GetMapping("/api/v1/baselines")
    List<BaselineView> list(@RequestParam(required = false) String gpuModel, @RequestParam(required = false) String check,
                            @RequestParam(required = false) String metric) {
        if (gpuModel != null && (gpuModel.isBlank() || gpuModel.length() > 100)) {
            throw new InvalidInputException("gpuModel", "must be 1 to 100 characters");
        }
        if (check != null && !FleetBaselines.METRICS.containsKey(check)) {
            throw new InvalidInputException("check", "no baselines for '" + check + "': one of " + checks());
        }
        if (metric != null && !FleetBaselines.METRICS.containsValue(metric)) {
            throw new InvalidInputException("metric", "no baselines for '" + metric + "': one of "
                    + FleetBaselines.METRICS.values().stream().distinct().sorted().toList());
        }
        return baselines.list(gpuModel, check, metric).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/baselines/{id}/history")
    List<BaselineStore.Point> history(@PathVariable long id) {
        return baselines.history(id);
    }

    @PostMapping("/api/v1/baselines/{id}/pin")
    BaselineView pin(@PathVariable long id, @RequestBody(required = false) PinRequest request, Authentication caller) {
        AdminOnly.require(caller, "Only an ADMIN pins a baseline");
        String comment = request == null || request.comment() == null ? "" : request.comment().strip();
        if (comment.isEmpty() || comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "say why the baseline is pinned (1 to " + MAX_COMMENT + " characters)");
        }
        return view(baselines.pin(id, comment));
    }

    @PostMapping("/api/v1/baselines/{id}/unpin")
    BaselineView unpin(@PathVariable long id, @RequestBody(required = false) PinRequest request, Authentication caller) {
        AdminOnly.require(caller, "Only an ADMIN unpins a baseline");
        String comment = request == null || request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        return view(baselines.unpin(id, comment));
    }

    @GetMapping("/api/v1/acceptance-judging-modes")
    List<JudgingRule> modes() {
        return baselines.modes();
    }

    @PutMapping("/api/v1/acceptance-judging-modes/{check}")
    JudgingRule setMode(@PathVariable String check, @RequestBody ModeRequest request, Authentication caller) {
        AdminOnly.require(caller, "Only an ADMIN changes how a check is judged: it decides which nodes may be delivered");
        return baselines.setMode(request.validated(check));
    }

    private BaselineView view(Baseline baseline) {
        BaselineKey key = baseline.key();
        return new BaselineView(baseline.id(), key.gpuModel(), key.driverBranch(), key.check(), key.metric(), key.nodeCount(),
                baseline.value(), baseline.unit(), baseline.samples(), baseline.window(), baselines.minSamples(), baseline.usable(baselines.minSamples()),
                baseline.pinned(), baseline.pinComment(), baseline.pinnedBy(), baseline.pinnedAt(), baseline.updatedAt());
    }

    private static List<String> checks() {
        return FleetBaselines.METRICS.keySet().stream().sorted().toList();
    }

    /**
     * {@code used}: whether verdicts are judged against it now (pinned, or at least {@code minSamples} results);
     * {@code nodeCount}: the group size it is kept for (1 single-node, 0 unknown: a multi-node baseline from before V58).
     */
    record BaselineView(long id, String gpuModel, String driverBranch, String check, String metric, int nodeCount, Double value,
                        String unit, int samples, int window, int minSamples, boolean used, boolean pinned, String pinComment, String pinnedBy,
                        Instant pinnedAt, Instant updatedAt) {
    }

    record PinRequest(String comment) {
    }

    /** A check's judging mode as sent; the percentages default to 5 and 3. */
    record ModeRequest(String mode, Double failBelowPercent, Double warnBelowPercent) {

        JudgingRule validated(String check) {
            if (!FleetBaselines.METRICS.containsKey(check)) {
                throw new InvalidInputException("check", "only " + checks() + " have one measured figure to judge by a baseline");
            }
            JudgingMode parsed;
            try {
                parsed = JudgingMode.valueOf(mode == null ? "" : mode.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("mode", "must be one of ABSOLUTE, BASELINE, BOTH");
            }
            double fail = failBelowPercent == null ? JudgingRule.DEFAULT_FAIL_BELOW_PERCENT : failBelowPercent;
            double warn = warnBelowPercent == null ? JudgingRule.DEFAULT_WARN_BELOW_PERCENT : warnBelowPercent;
            if (!(fail > 0 && fail < 100)) {
                throw new InvalidInputException("failBelowPercent", "must be over 0 and under 100");
            }
            if (!(warn >= 0 && warn <= fail)) {
                throw new InvalidInputException("warnBelowPercent", "must be from 0 to failBelowPercent");
            }
            return new JudgingRule(check, parsed, fail, warn, null, null);
        }
    }
}
