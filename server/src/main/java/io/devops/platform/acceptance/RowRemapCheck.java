package io.devops.platform.acceptance;

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
        return HealthOutput.judge(NAME, report, "nvidia-smi", output -> judge(SmiQuery.parse(output.text())));
    }

    private static CheckResult judge(SmiQuery query) {
        if (query.unreadable() != null) {
            return CheckResult.missingEvidence(NAME, query.unreadable());
        }
        Findings findings = new Findings();
        int faulty = 0;
        for (SmiQuery.Gpu gpu : query.gpus()) {
            faulty += judgeGpu(gpu, findings) ? 1 : 0;
        }
        return findings.result(NAME, (double) faulty, 0.0, "GPUs with pending or failed remaps",
                "no pending or failed row remap on " + query.gpus().size() + " GPUs");
    }

    /** @return whether the GPU has a pending or failed remap */
    private static boolean judgeGpu(SmiQuery.Gpu gpu, Findings findings) {
        String name = "GPU " + gpu.busId();
        String pending = gpu.value(SECTION + "/Pending");
        String failure = gpu.value(SECTION + "/Remapping Failure Occurred");
        if (!yesOrNo(pending) || !yesOrNo(failure)) {
            String whole = gpu.value(SECTION);
            findings.error(name + ": no readable row remap state (Remapped Rows" + (whole == null || whole.isEmpty() ? "" : ": " + whole)
                    + ", Pending: " + pending + ", Remapping Failure Occurred: " + failure + "); the GPU or driver does not report it");
            return false;
        }
        String rows = " (" + counter(gpu, "Uncorrectable Error") + " rows remapped for uncorrectable errors, "
                + counter(gpu, "Correctable Error") + " for correctable)";
        if (pending.equalsIgnoreCase("Yes")) {
            findings.fail(name + ": row remap pending: reset the GPU" + rows);
        }
        if (failure.equalsIgnoreCase("Yes")) {
            findings.fail(name + ": row remapping failed (no spare row left): RMA the GPU" + rows);
        }
        String none = gpu.value(SECTION + "/Bank Remap Availability Histogram/None");
        if (none != null && none.matches("[1-9]\\d* bank\\(s\\)")) {
            findings.warn(name + ": " + none + " without a spare row: the next uncorrectable error there cannot be remapped; "
                    + "plan an RMA");
        }
        return pending.equalsIgnoreCase("Yes") || failure.equalsIgnoreCase("Yes");
    }

    private static String counter(SmiQuery.Gpu gpu, String key) {
        String value = gpu.value(SECTION + "/" + key);
        return value == null ? "?" : value;
    }

    private static boolean yesOrNo(String value) {
        return value != null && (value.equalsIgnoreCase("Yes") || value.equalsIgnoreCase("No"));
    }
}
