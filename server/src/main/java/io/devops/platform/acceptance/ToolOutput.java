package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An acceptance report as the node wrote it: the tool's output (stdout and stderr), and the two
 * lines the built-in acceptance role adds about the tool itself, so that a check can tell "ran and
 * printed this" from "could not run":
 * <pre>
 * devops-acceptance: missing tool dcgmi (install datacenter-gpu-manager)
 * devops-acceptance: exit status 3
 * </pre>
 * The first replaces the output when the tool is not on the node; the second ends it when the tool
 * exited non-zero.
 */
public record ToolOutput(String text, String missingTool, String installHint, OptionalInt exitStatus) {

    public static final String PREFIX = "devops-acceptance: ";
    private static final Pattern MISSING = Pattern.compile("^devops-acceptance: missing tool (\\S+)(?: \\(install (.+)\\))?$");
    private static final Pattern EXIT = Pattern.compile("^devops-acceptance: exit status (\\d+)$");

    public static ToolOutput of(String report) {
        String missingTool = null;
        String hint = null;
        OptionalInt exit = OptionalInt.empty();
        List<String> kept = new ArrayList<>();
        for (String line : (report == null ? "" : report).split("\\R", -1)) {
            Matcher missing = MISSING.matcher(line.strip());
            Matcher status = EXIT.matcher(line.strip());
            if (missing.matches()) {
                missingTool = missing.group(1);
                hint = missing.group(2);
            } else if (status.matches()) {
                exit = OptionalInt.of(Integer.parseInt(status.group(1)));
            } else {
                kept.add(line);
            }
        }
        return new ToolOutput(String.join("\n", kept).strip(), missingTool, hint, exit);
    }

    public boolean toolMissing() {
        return missingTool != null;
    }

    /** The ERROR a check answers when its tool is not on the node: "dcgmi not found on the node: install ...". */
    public CheckResult missingToolError(String check) {
        return CheckResult.error(check, missingTool + " not found on the node: install "
                + (installHint == null ? missingTool : installHint));
    }

    /**
     * What a check answers before reading the output, when there is nothing to read: the tool is not
     * on the node (ERROR, install it), or it printed nothing (MISSING_EVIDENCE); empty otherwise.
     */
    java.util.Optional<CheckResult> nothingToJudge(String check, String tool) {
        if (toolMissing()) {
            return java.util.Optional.of(missingToolError(check));
        }
        return text.isEmpty() ? java.util.Optional.of(CheckResult.missingEvidence(check, tool + " printed nothing"
                + Figures.exitNote(this, "it"))) : java.util.Optional.empty();
    }

    /**
     * The performance checks' {@link HealthOutput#settle}: a PASS from a tool that exited non-zero is
     * ERROR ("..., but nvbandwidth exited with status 1"), as its run did not end cleanly.
     */
    CheckResult settle(CheckResult judged, String tool) {
        if (judged.verdict() != CheckVerdict.PASS || exitStatus.isEmpty() || exitStatus.getAsInt() == 0) {
            return judged;
        }
        return judged.as(CheckVerdict.ERROR, judged.message() + ", but " + tool + " exited with status " + exitStatus.getAsInt(),
                FailureReason.COULD_NOT_RUN);
    }
}
