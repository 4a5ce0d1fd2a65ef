package io.devops.platform.bmc;

import java.util.List;

/**
 * What a power cycle did.
 *
 * @param detail   one sentence: what happened, or why it failed
 * @param evidence what the BMC answered, one line per question, in order
 */
public record PowerResult(Outcome outcome, String detail, List<String> evidence) {

    public enum Outcome {
        SUCCEEDED, FAILED
    }

    public PowerResult {
        evidence = List.copyOf(evidence);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    static PowerResult failed(String detail, List<String> evidence) {
        return new PowerResult(Outcome.FAILED, detail, evidence);
    }
}
