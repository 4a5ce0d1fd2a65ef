package io.devops.platform.acceptance;

import java.util.Objects;

/**
 * The structured result of one acceptance check on one node: what was measured against which line,
 * the verdict, why it is not PASS ({@code reason}, null on PASS and never null otherwise), and a
 * message a person can act on ("GPU 3: 1 pending row remap: reset the GPU or RMA"; "dcgmi not found:
 * install datacenter-gpu-manager"). {@code measured} and {@code threshold} are null when the check has
 * no single figure (a count of faults is a figure; a list of links is not), {@code unit} names their
 * unit ("GB/s", "GPUs", "links"). {@code metric} names what {@code measured} is where a check reports
 * one of several figures (nvbandwidth: host-device or device-device), null where it has one kind.
 */
public record CheckResult(String check, CheckVerdict verdict, Double measured, Double threshold, String unit, String message,
                          FailureReason reason, String metric) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        if (verdict == CheckVerdict.PASS) {
            reason = null;
        } else {
            Objects.requireNonNull(reason, "a verdict that is not PASS needs a reason");
        }
    }

    /** A result whose figure is of the check's one kind. */
    public CheckResult(String check, CheckVerdict verdict, Double measured, Double threshold, String unit, String message,
                       FailureReason reason) {
        this(check, verdict, measured, threshold, unit, message, reason, null);
    }

    /** A figure judged against its line: a verdict that is not PASS is THRESHOLD. */
    public static CheckResult measured(String check, CheckVerdict verdict, Double measured, Double threshold, String unit,
                                       String message) {
        return new CheckResult(check, verdict, measured, threshold, unit, message, FailureReason.THRESHOLD);
    }

    /** A fault seen (or its absence): a verdict that is not PASS is HARDWARE. */
    public static CheckResult fault(String check, CheckVerdict verdict, Double measured, Double threshold, String unit,
                                    String message) {
        return new CheckResult(check, verdict, measured, threshold, unit, message, FailureReason.HARDWARE);
    }

    /** The tool is missing or failed, or nothing exists to judge by: ERROR, COULD_NOT_RUN. */
    public static CheckResult error(String check, String message) {
        return new CheckResult(check, CheckVerdict.ERROR, null, null, null, message, FailureReason.COULD_NOT_RUN);
    }

    /** No report or no measurement where one was due: ERROR, MISSING_EVIDENCE. */
    public static CheckResult missingEvidence(String check, String message) {
        return new CheckResult(check, CheckVerdict.ERROR, null, null, null, message, FailureReason.MISSING_EVIDENCE);
    }

    /** The same result under another verdict and message, with the reason for it. */
    public CheckResult as(CheckVerdict newVerdict, String newMessage, FailureReason newReason) {
        return new CheckResult(check, newVerdict, measured, threshold, unit, newMessage, newReason, metric);
    }

    /** The same result under another check name or message. */
    public CheckResult renamed(String newCheck, String newMessage) {
        return new CheckResult(newCheck, verdict, measured, threshold, unit, newMessage, reason, metric);
    }

    /** The same result, its figure named as {@code figureMetric}. */
    public CheckResult withMetric(String figureMetric) {
        return new CheckResult(check, verdict, measured, threshold, unit, message, reason, figureMetric);
    }
}
