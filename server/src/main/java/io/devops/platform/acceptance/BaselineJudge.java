package io.devops.platform.acceptance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Applies a check's judging mode to the result its line gave. Only a figure judged against a line (or
 * measured with no line to judge by) is re-judged; faults, wrong results and runs that did not end
 * cleanly keep their verdict. Without a usable baseline it falls back to the line, and without a line
 * either it is ERROR: nothing passes by default.
 */
final class BaselineJudge {

    private BaselineJudge() {
    }

    static Baselined judge(CheckResult byLine, JudgingRule rule, Baseline baseline, int minSamples) {
        if (rule.mode() == JudgingMode.ABSOLUTE || !rejudgeable(byLine)) {
            return Baselined.without(byLine);
        }
        boolean noLine = byLine.verdict() == CheckVerdict.ERROR;
        if (baseline == null || !baseline.usable(minSamples)) {
            String notYet = "no baseline yet (" + (baseline == null ? 0 : baseline.samples()) + " of " + minSamples + " samples)";
            if (noLine) {
                return Baselined.without(new CheckResult(byLine.check(), CheckVerdict.ERROR, byLine.measured(), null, byLine.unit(),
                        notYet + " and no line (measured " + Figures.two(byLine.measured()) + " " + byLine.unit() + ")",
                        FailureReason.COULD_NOT_RUN));
            }
            return Baselined.without(byLine.as(byLine.verdict(), byLine.message() + "; " + notYet + ": judged by the line alone",
                    byLine.reason()));
        }
        CheckResult byBaseline = against(byLine, rule, baseline);
        CheckResult result = rule.mode() == JudgingMode.BASELINE || noLine ? byBaseline : stricter(byLine, byBaseline);
        return new Baselined(result, baseline.ref());
    }

    /** A figure judged against its line (PASS, or FAIL/WARN for THRESHOLD), or measured without a line (ERROR, no threshold). */
    static boolean rejudgeable(CheckResult result) {
        if (result.measured() == null) {
            return false;
        }
        return switch (result.verdict()) {
            case PASS -> true;
            case FAIL, WARN -> result.reason() == FailureReason.THRESHOLD;
            case ERROR -> result.reason() == FailureReason.COULD_NOT_RUN && result.threshold() == null;
        };
    }

    /** The figure against the baseline; the percentage is judged as shown, to two decimals (exactly 3.00 % is not over 3 %). */
    static CheckResult against(CheckResult byLine, JudgingRule rule, Baseline baseline) {
        double value = baseline.value();
        double measured = byLine.measured();
        double below = BigDecimal.valueOf((value - measured) / value * 100).setScale(2, RoundingMode.HALF_UP).doubleValue();
        CheckVerdict verdict = below > rule.failBelowPercent() ? CheckVerdict.FAIL
                : below > rule.warnBelowPercent() ? CheckVerdict.WARN : CheckVerdict.PASS;
        String unit = byLine.unit();
        String message = Figures.two(measured) + " " + unit + " is " + Figures.two(Math.abs(below)) + " % "
                + (below >= 0 ? "below" : "above") + " the baseline of " + Figures.two(value) + " " + unit + " (" + describe(baseline)
                + "): FAIL over " + Figures.two(rule.failBelowPercent()) + " % below, WARN over " + Figures.two(rule.warnBelowPercent())
                + " % below";
        double failLine = value * (1 - rule.failBelowPercent() / 100);
        return CheckResult.measured(byLine.check(), verdict, measured, failLine, unit, message);
    }

    static String describe(Baseline baseline) {
        BaselineKey key = baseline.key();
        return (baseline.pinned() ? "pinned, " : "") + "median of " + baseline.samples() + " passing results of " + key.gpuModel()
                + ", driver " + key.driverBranch() + key.groupSize();
    }

    /** BOTH: the worse verdict wins; its message comes first, the other's follows. */
    private static CheckResult stricter(CheckResult byLine, CheckResult byBaseline) {
        if (byBaseline.verdict().worse(byLine.verdict()) == byBaseline.verdict() && byBaseline.verdict() != byLine.verdict()) {
            return byBaseline.as(byBaseline.verdict(), byBaseline.message() + "; by the line: " + byLine.message(), byBaseline.reason());
        }
        return byLine.as(byLine.verdict(), byLine.message() + "; by the baseline: " + byBaseline.message(), byLine.reason());
    }
}
