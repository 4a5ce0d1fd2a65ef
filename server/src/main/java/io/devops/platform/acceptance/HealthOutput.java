package io.devops.platform.acceptance;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The steps every health check takes around its parser: a missing tool or empty output is ERROR
 * before parsing; a clean verdict from a tool that exited non-zero is ERROR after it (the output may
 * be cut short), while a fault it shows stands. nvidia-smi's own failure messages are ERROR with
 * what they say, since nothing after them can be judged.
 */
final class HealthOutput {

    private static final List<String> SMI_FAILURES = List.of("NVIDIA-SMI has failed", "Failed to initialize NVML",
            "Driver/library version mismatch", "NVML library version mismatch");
    static final int MAX_QUOTED = 120;

    private HealthOutput() {
    }

    /** A health check's judgement between {@link #unusable} and {@link #settle} (which leaves an early FAIL or ERROR as it is). */
    static CheckResult judge(String check, String report, String tool, Function<ToolOutput, CheckResult> judgement) {
        ToolOutput output = ToolOutput.of(report);
        return unusable(check, output, tool).orElseGet(() -> settle(judgement.apply(output), output, tool));
    }

    /** @return the ERROR to answer before parsing, when the output cannot be judged at all */
    private static Optional<CheckResult> unusable(String check, ToolOutput output, String tool) {
        if (output.toolMissing()) {
            return Optional.of(output.missingToolError(check));
        }
        if (output.text().isEmpty()) {
            return Optional.of(CheckResult.missingEvidence(check, tool + " printed nothing" + exitNote(output.exitStatus())
                    + ": run it on the node by hand to see why"));
        }
        for (String failure : SMI_FAILURES) {
            if (output.text().contains(failure)) {
                return Optional.of(CheckResult.error(check, "nvidia-smi failed: '" + quote(firstLineWith(output.text(), failure))
                        + "': load or reinstall the NVIDIA driver (a reboot after a driver change), then run the check again"));
            }
        }
        return Optional.empty();
    }

    /** A PASS or WARN from a tool that exited non-zero becomes ERROR: its output may be incomplete. */
    static CheckResult settle(CheckResult result, ToolOutput output, String tool) {
        OptionalInt exit = output.exitStatus();
        if (exit.isEmpty() || exit.getAsInt() == 0 || !result.verdict().passes()) {
            return result;
        }
        return result.as(CheckVerdict.ERROR, tool + " exited with status " + exit.getAsInt() + ", so its output may be incomplete (it read: "
                        + result.message() + "): run it on the node by hand to see why", FailureReason.COULD_NOT_RUN);
    }

    static String quote(String text) {
        String line = text.strip();
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "…";
    }

    private static String firstLineWith(String text, String needle) {
        return text.lines().filter(line -> line.contains(needle)).findFirst().orElse(needle);
    }

    private static String exitNote(OptionalInt exit) {
        return exit.isPresent() ? " (exit status " + exit.getAsInt() + ")" : "";
    }
}
