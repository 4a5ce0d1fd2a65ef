package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a health check found GPU by GPU (or link by link), folded into one verdict. A fault seen
 * outranks a GPU that could not be judged (FAIL over ERROR): the fault is certain, and it is what
 * to fix first; then ERROR, then WARN. The message is that verdict's findings joined by "; ".
 */
final class Findings {

    private static final List<CheckVerdict> PRECEDENCE = List.of(CheckVerdict.FAIL, CheckVerdict.ERROR, CheckVerdict.WARN);
    private final Map<CheckVerdict, List<String>> said = new EnumMap<>(CheckVerdict.class);

    void fail(String finding) {
        add(CheckVerdict.FAIL, finding);
    }

    void error(String finding) {
        add(CheckVerdict.ERROR, finding);
    }

    void warn(String finding) {
        add(CheckVerdict.WARN, finding);
    }

    int count(CheckVerdict verdict) {
        return said.getOrDefault(verdict, List.of()).size();
    }

    /** PASS when nothing was found. */
    CheckVerdict verdict() {
        return PRECEDENCE.stream().filter(said::containsKey).findFirst().orElse(CheckVerdict.PASS);
    }

    /** The deciding verdict's findings joined, or "" on PASS. */
    String message() {
        return String.join("; ", said.getOrDefault(verdict(), List.of()));
    }

    CheckResult result(String check, Double measured, Double threshold, String unit, String allClear) {
        return new CheckResult(check, verdict(), measured, threshold, unit, said.isEmpty() ? allClear : message());
    }

    private void add(CheckVerdict verdict, String finding) {
        said.computeIfAbsent(verdict, v -> new ArrayList<>()).add(finding);
    }
}
