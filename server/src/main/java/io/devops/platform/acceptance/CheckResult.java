package io.devops.platform.acceptance;

import java.util.Objects;

/**
 * The structured result of one acceptance check on one node: what was measured against which line,
 * the verdict, and a message a person can act on ("GPU 3: 1 pending row remap: reset the GPU or
 * RMA"; "dcgmi not found: install datacenter-gpu-manager"). {@code measured} and {@code threshold}
 * are null when the check has no single figure (a count of faults is a figure; a list of links is
 * not), {@code unit} names their unit ("GB/s", "GPUs", "links").
 */
public record CheckResult(String check, CheckVerdict verdict, Double measured, Double threshold, String unit, String message) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }

    public static CheckResult error(String check, String message) {
        return new CheckResult(check, CheckVerdict.ERROR, null, null, null, message);
    }
}
