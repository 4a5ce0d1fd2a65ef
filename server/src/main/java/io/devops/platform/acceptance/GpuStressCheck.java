package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code gpu_burn <seconds>} (github.com/wilicc/gpu-burn): the sustained load of the full burn-in. It
 * compares every GPU's results with a reference for the whole run and ends with a summary, "Tested 8
 * GPUs:" and one "GPU n: OK" or "GPU n: FAULTY" per GPU. A faulty GPU fails; fewer GPUs than the
 * inventory declares fails; no summary (the tool failed or was cut short) is never a PASS.
 */
@Component
class GpuStressCheck implements AcceptanceCheck {

    static final String NAME = "gpu_stress";
    private static final Pattern TESTED = Pattern.compile("(?m)^\\s*Tested (\\d+) GPUs?:\\s*$");
    private static final Pattern GPU = Pattern.compile("(?m)^\\s*GPU (\\d+): (\\S+)\\s*$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String output, NodeContext node) {
        ToolOutput tool = ToolOutput.of(output);
        Optional<CheckResult> nothing = tool.nothingToJudge(NAME, "gpu_burn");
        if (nothing.isPresent()) {
            return nothing.get();
        }
        Matcher tested = TESTED.matcher(tool.text());
        if (!tested.find()) {
            return tool.exitStatus().isPresent()
                    ? CheckResult.error(NAME, "gpu_burn exited with status " + tool.exitStatus().getAsInt() + " before its summary: "
                    + Figures.lastLine(tool.text()))
                    : CheckResult.missingEvidence(NAME, "gpu_burn's output has no \"Tested N GPUs\" summary (cut short or not gpu_burn)");
        }
        int count = Integer.parseInt(tested.group(1));
        List<String> faulty = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int results = 0;
        Matcher gpu = GPU.matcher(tool.text().substring(tested.end()));
        while (gpu.find()) {
            results++;
            switch (gpu.group(2)) {
                case "OK" -> { }
                case "FAULTY" -> faulty.add(gpu.group(1));
                default -> unknown.add("GPU " + gpu.group(1) + " '" + gpu.group(2) + "'");
            }
        }
        if (!faulty.isEmpty()) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, (double) faulty.size(), 0.0, "faulty GPUs", "GPU " + String.join(", ", faulty)
                    + " computed wrong results under sustained load (gpu_burn FAULTY): check its ECC and XID, then reset or RMA it");
        }
        if (results < count) {
            return CheckResult.missingEvidence(NAME, "gpu_burn tested " + count + " GPUs but reported " + results + " (cut short)");
        }
        if (!unknown.isEmpty()) {
            return CheckResult.error(NAME, "gpu_burn reported a status this check does not know: " + String.join(", ", unknown));
        }
        if (node.gpuCount() != null && count < node.gpuCount()) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, (double) count, (double) node.gpuCount(), "GPUs",
                    "gpu_burn tested " + count + " of " + node.gpuCount() + " GPUs: a GPU is missing");
        }
        CheckResult passed = CheckResult.fault(NAME, CheckVerdict.PASS, 0.0, 0.0, "faulty GPUs", count
                + " GPU(s) stressed, none faulty");
        return tool.exitStatus().isPresent() && tool.exitStatus().getAsInt() != 0
                ? CheckResult.error(NAME, passed.message() + ", but gpu_burn exited with status " + tool.exitStatus().getAsInt())
                : passed;
    }
}
