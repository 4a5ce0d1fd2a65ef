package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a health check found GPU by GPU (or link by link), folded into one verdict: FAIL over ERROR
 * (a fault seen is certain, and the first thing to fix, even if another GPU could not be judged),
 * then WARN, else PASS. The message is the deciding verdict's findings joined by "; ".
 */
final class Findings {

    private static final List<CheckVerdict> PRECEDENCE = List.of(CheckVerdict.FAIL, CheckVerdict.ERROR, CheckVerdict.WARN);
    private final Map<CheckVerdict, List<String>> said = new EnumMap<>(CheckVerdict.class);

    void fail(String finding) {
        said.computeIfAbsent(CheckVerdict.FAIL, v -> new ArrayList<>()).add(finding);
    }

    void error(String finding) {
        said.computeIfAbsent(CheckVerdict.ERROR, v -> new ArrayList<>()).add(finding);
    }

    void warn(String finding) {
        said.computeIfAbsent(CheckVerdict.WARN, v -> new ArrayList<>()).add(finding);
    }

    CheckVerdict verdict() {
        return PRECEDENCE.stream().filter(said::containsKey).findFirst().orElse(CheckVerdict.PASS);
    }

    /** "" on PASS. */
    String message() {
        return String.join("; ", said.getOrDefault(verdict(), List.of()));
    }

    /** A fault seen (FAIL, WARN) is HARDWARE; a GPU or link whose state could not be read (ERROR) is MISSING_EVIDENCE. */
    FailureReason reason() {
        return switch (verdict()) {
            case PASS -> null;
            case ERROR -> FailureReason.MISSING_EVIDENCE;
            case FAIL, WARN -> FailureReason.HARDWARE;
        };
    }

    CheckResult result(String check, Double measured, Double threshold, String unit, String allClear) {
        return new CheckResult(check, verdict(), measured, threshold, unit, said.isEmpty() ? allClear : message(), reason());
    }
}
