package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code row_remap}: {@code nvidia-smi -q -d ROW_REMAPPER} (A100 and later replace a failing HBM row
 * with a spare one). A pending remap is FAIL until the GPU is reset (the row is still in use); a
 * remapping failure is FAIL (no spare row left: RMA). Banks with no spare row left ("None" in the
 * availability histogram) are WARN: the next error there cannot be remapped. A GPU whose report has
 * no readable Pending/Failure line is ERROR.
 */
@Component
class RowRemapCheck implements AcceptanceCheck {

    static final String NAME = "row_remap";
    private static final String SECTION = "Remapped Rows";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String report, NodeContext node) {
        ToolOutput output = ToolOutput.of(report);
        Optional<CheckResult> unusable = HealthOutput.unusable(NAME, output, "nvidia-smi");
        if (unusable.isPresent()) {
            return unusable.get();
        }
        SmiQuery query = SmiQuery.parse(output.text());
        if (query.unreadable() != null) {
            return CheckResult.error(NAME, query.unreadable());
        }
        List<String> faults = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int faulty = 0;
        for (SmiQuery.Gpu gpu : query.gpus()) {
            int before = faults.size();
            judgeGpu(gpu, faults, warnings, errors);
            faulty += faults.size() > before ? 1 : 0;
        }
        CheckVerdict verdict = !faults.isEmpty() ? CheckVerdict.FAIL : !errors.isEmpty() ? CheckVerdict.ERROR
                : !warnings.isEmpty() ? CheckVerdict.WARN : CheckVerdict.PASS;
        List<String> said = !faults.isEmpty() ? faults : !errors.isEmpty() ? errors : warnings;
        String message = said.isEmpty() ? "no pending or failed row remap on " + query.gpus().size() + " GPUs" : String.join("; ", said);
        return HealthOutput.settle(new CheckResult(NAME, verdict, (double) faulty, 0.0, "GPUs with pending or failed remaps", message),
                output, "nvidia-smi");
    }

    private static void judgeGpu(SmiQuery.Gpu gpu, List<String> faults, List<String> warnings, List<String> errors) {
        String name = "GPU " + gpu.busId();
        String pending = gpu.value(SECTION + "/Pending");
        String failure = gpu.value(SECTION + "/Remapping Failure Occurred");
        if (!yesOrNo(pending) || !yesOrNo(failure)) {
            String whole = gpu.value(SECTION);
            errors.add(name + ": no readable row remap state (Remapped Rows" + (whole == null || whole.isEmpty() ? "" : ": " + whole)
                    + ", Pending: " + pending + ", Remapping Failure Occurred: " + failure + "); the GPU or driver does not report it");
            return;
        }
        String rows = " (" + counter(gpu, "Uncorrectable Error") + " rows remapped for uncorrectable errors, "
                + counter(gpu, "Correctable Error") + " for correctable)";
        if (pending.equalsIgnoreCase("Yes")) {
            faults.add(name + ": row remap pending: reset the GPU" + rows);
        }
        if (failure.equalsIgnoreCase("Yes")) {
            faults.add(name + ": row remapping failed (no spare row left): RMA the GPU" + rows);
        }
        String none = gpu.value(SECTION + "/Bank Remap Availability Histogram/None");
        if (none != null && none.matches("[1-9]\\d* bank\\(s\\)")) {
            warnings.add(name + ": " + none + " without a spare row: the next uncorrectable error there cannot be remapped; "
                    + "plan an RMA");
        }
    }

    private static String counter(SmiQuery.Gpu gpu, String key) {
        String value = gpu.value(SECTION + "/" + key);
        return value == null ? "?" : value;
    }

    private static boolean yesOrNo(String value) {
        return value != null && (value.equalsIgnoreCase("Yes") || value.equalsIgnoreCase("No"));
    }
}
