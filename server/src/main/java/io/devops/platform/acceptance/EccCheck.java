package io.devops.platform.acceptance;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code ecc}: {@code nvidia-smi -q -d ECC,PAGE_RETIREMENT}. FAIL when a GPU has ECC off, any
 * volatile or aggregate uncorrectable counter above 0 (DRAM and SRAM, every layout: "DRAM
 * Uncorrectable", "SRAM Uncorrectable Parity/SEC-DED", older drivers' "Double Bit" counters), the
 * SRAM threshold exceeded, a repair pending or memory unrepairable (driver 570+), or a retired page
 * pending. Pages retired earlier are WARN (the memory is already fenced off). "N/A" counters are
 * skipped (Ampere and later retire rows, not pages), but a GPU with ECC on and no readable
 * uncorrectable counter is ERROR.
 */
@Component
class EccCheck implements AcceptanceCheck {

    static final String NAME = "ecc";

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
        long uncorrectable = 0;
        for (SmiQuery.Gpu gpu : query.gpus()) {
            uncorrectable += judgeGpu(gpu, findings);
        }
        return findings.result(NAME, (double) uncorrectable, 0.0, "uncorrectable ECC errors",
                "no uncorrectable ECC error and no pending page retirement on " + query.gpus().size() + " GPUs");
    }

    /** @return the GPU's uncorrectable errors (the larger of volatile and aggregate) */
    private static long judgeGpu(SmiQuery.Gpu gpu, Findings findings) {
        String name = "GPU " + gpu.busId();
        String mode = gpu.value("ECC Mode/Current");
        if (mode == null && !gpu.hasSection("ECC Errors")) {
            findings.error(name + ": no ECC section: the report is not 'nvidia-smi -q -d ECC,PAGE_RETIREMENT'");
            retiredPages(gpu.under("Retired Pages"), name, findings);
            return 0;
        }
        if (mode != null && (mode.isEmpty() || mode.equalsIgnoreCase("N/A"))) {
            findings.error(name + ": ECC mode is " + (mode.isEmpty() ? "empty" : mode) + ": the GPU does not report ECC, so it cannot "
                    + "be judged");
            return 0;
        }
        if (mode != null && !mode.equalsIgnoreCase("Enabled")) {
            findings.fail(name + ": ECC mode is " + mode + ": enable it ('nvidia-smi -e 1') and reboot; errors are not counted without it");
            return 0;
        }
        long volatileCount = uncorrectable(gpu.under("ECC Errors/Volatile"), name + ": volatile ", findings);
        long aggregateCount = uncorrectable(gpu.under("ECC Errors/Aggregate"), name + ": aggregate ", findings);
        if (volatileCount < 0 && aggregateCount < 0) {
            findings.error(name + ": ECC is on but no uncorrectable counter is readable (all N/A or absent)");
        }
        flags(gpu, name, findings);
        retiredPages(gpu.under("Retired Pages"), name, findings);
        return Math.max(Math.max(volatileCount, aggregateCount), 0);
    }

    /** Sums the uncorrectable counters of one scope, adding a fault for each above 0; -1 when none is readable. */
    private static long uncorrectable(Map<String, String> counters, String scope, Findings findings) {
        long sum = -1;
        for (Map.Entry<String, String> counter : counters.entrySet()) {
            String key = counter.getKey();
            boolean doubleBit = key.startsWith("Double Bit/") && !key.endsWith("/Total");
            if (!(key.contains("Uncorrectable") || doubleBit || key.equals("Double Bit/Total"))) {
                continue;
            }
            if (doubleBit && counters.containsKey("Double Bit/Total")) {
                continue;
            }
            Long count = count(counter.getValue());
            if (count == null) {
                continue;
            }
            sum = Math.max(sum, 0) + count;
            if (count > 0) {
                findings.fail(scope + key.replace('/', ' ') + " = " + count + " (uncorrectable ECC errors): reset the GPU and "
                        + "run dcgmi diag -r 3; RMA if they come back");
            }
        }
        return sum;
    }

    private static void flags(SmiQuery.Gpu gpu, String name, Findings findings) {
        Map<String, String> flags = Map.of(
                "ECC Errors/Aggregate/SRAM Threshold Exceeded", "SRAM error threshold exceeded: RMA the GPU",
                "ECC Errors/Channel Repair Pending", "memory channel repair pending: reset the GPU",
                "ECC Errors/TPC Repair Pending", "TPC repair pending: reset the GPU",
                "ECC Errors/Unrepairable Memory", "unrepairable memory: RMA the GPU");
        flags.forEach((path, what) -> {
            if (yes(gpu.value(path))) {
                findings.fail(name + ": " + what);
            }
        });
    }

    private static void retiredPages(Map<String, String> pages, String name, Findings findings) {
        pages.forEach((key, value) -> {
            Long count = count(value);
            if (key.startsWith("Pending") && yes(value)) {
                findings.fail(name + ": retired page pending (" + key + "): reset the GPU (or reboot) to retire it");
            } else if (count != null && count > 0 && !key.startsWith("Pending")) {
                findings.warn(name + ": " + count + " page(s) retired earlier (" + key
                        + "): fenced off; RMA when they approach NVIDIA's retirement limit");
            }
        });
    }

    private static boolean yes(String value) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals("yes");
    }

    private static Long count(String value) {
        return value != null && value.strip().matches("\\d{1,18}") ? Long.valueOf(value.strip()) : null;
    }
}
