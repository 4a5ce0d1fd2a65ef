package io.devops.platform.acceptance;

import java.time.Instant;

/**
 * How one check is judged: {@code mode}, and for a baseline, FAIL more than {@code failBelowPercent}
 * below it and WARN more than {@code warnBelowPercent} below it (defaults 5 and 3, SuperBench's
 * margins). A check without a stored rule is ABSOLUTE, as before baselines existed.
 */
record JudgingRule(String check, JudgingMode mode, double failBelowPercent, double warnBelowPercent, String updatedBy,
                   Instant updatedAt) {

    static final double DEFAULT_FAIL_BELOW_PERCENT = 5;
    static final double DEFAULT_WARN_BELOW_PERCENT = 3;

    static JudgingRule absolute(String check) {
        return new JudgingRule(check, JudgingMode.ABSOLUTE, DEFAULT_FAIL_BELOW_PERCENT, DEFAULT_WARN_BELOW_PERCENT, null, null);
    }
}
