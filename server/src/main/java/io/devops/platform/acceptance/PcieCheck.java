package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code pcie}: each GPU's PCIe link ({@code index,pci.bus_id,pcie.link.gen.current,
 * pcie.link.gen.max,pcie.link.width.current,pcie.link.width.max,utilization.gpu}). A link narrower
 * than its maximum is FAIL (a bad slot, riser or cable: bandwidth is lost whatever the load). A
 * lower generation is normal on an idle GPU, whose link downshifts to save power, so it is judged
 * only under load: below the maximum at more than {@link #IDLE_PERCENT}% utilisation is WARN.
 */
@Component
class PcieCheck implements AcceptanceCheck {

    static final String NAME = "pcie";
    static final int IDLE_PERCENT = 10;
    private static final int FIELDS = 7;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String report, NodeContext node) {
        return HealthOutput.judge(NAME, report, "nvidia-smi", output -> judge(SmiCsv.parse(output.text(), FIELDS)));
    }

    private static CheckResult judge(SmiCsv csv) {
        if (csv.unreadable() != null) {
            return CheckResult.missingEvidence(NAME, "not the PCIe link list nvidia-smi --query-gpu prints: " + csv.unreadable());
        }
        if (csv.rows().isEmpty()) {
            return CheckResult.missingEvidence(NAME, "nvidia-smi lists no GPU, so no PCIe link can be judged (see gpu_inventory)");
        }
        // narrow links FAIL, unreadable ones ERROR, slow ones under load WARN; idle downshifts are only noted
        Findings findings = new Findings();
        List<String> idle = new ArrayList<>();
        Link worst = null;
        for (List<String> row : csv.rows()) {
            Link link = Link.of(row);
            if (link.unreadable()) {
                findings.error("GPU " + link.gpu() + " (" + link.busId() + ") reports gen " + row.get(2) + "/" + row.get(3) + " width "
                        + row.get(4) + "/" + row.get(5));
                continue;
            }
            if (worst == null || link.widthNow() * worst.widthMax() < worst.widthNow() * link.widthMax()) {
                worst = link;
            }
            if (link.widthNow() < link.widthMax()) {
                findings.fail("GPU " + link.gpu() + " (" + link.busId() + ") at x" + link.widthNow() + " of x" + link.widthMax());
            } else if (link.genNow() < link.genMax()) {
                String slow = "GPU " + link.gpu() + " at gen " + link.genNow() + " of " + link.genMax()
                        + (link.load() == null ? " (utilisation unknown)" : " at " + link.load() + " % utilisation");
                if (link.idle()) {
                    idle.add(slow);
                } else {
                    findings.warn(slow);
                }
            }
        }
        return verdict(csv, findings, idle, worst);
    }

    private static CheckResult verdict(SmiCsv csv, Findings findings, List<String> idle, Link worst) {
        if (findings.verdict() == CheckVerdict.ERROR) {
            return CheckResult.missingEvidence(NAME, findings.message() + ": the link cannot be judged; run nvidia-smi -q -d PCI");
        }
        Double measured = (double) worst.widthNow();
        Double threshold = (double) worst.widthMax();
        String idleNote = idle.isEmpty() ? "" : "; " + String.join(", ", idle) + " (idle links downshift, not a fault)";
        String message = switch (findings.verdict()) {
            case FAIL -> findings.message() + ": reseat the GPU or its riser/cable, check the slot; RMA if it stays narrow";
            case WARN -> findings.message() + ": below the maximum generation under load; check the BIOS PCIe speed setting and the slot"
                    + idleNote;
            default -> "all " + csv.rows().size() + " GPUs at full link width (x" + worst.widthMax() + ")" + idleNote;
        };
        return new CheckResult(NAME, findings.verdict(), measured, threshold, "PCIe lanes", message, findings.reason());
    }

    private record Link(String gpu, String busId, Integer genNow, Integer genMax, Integer widthNow, Integer widthMax, Integer load) {

        static Link of(List<String> row) {
            return new Link(row.get(0), row.get(1), SmiCsv.number(row.get(2)), SmiCsv.number(row.get(3)), SmiCsv.number(row.get(4)),
                    SmiCsv.number(row.get(5)), SmiCsv.number(row.get(6)));
        }

        boolean unreadable() {
            return genNow == null || genMax == null || widthNow == null || widthMax == null || widthMax == 0;
        }

        boolean idle() {
            return load != null && load <= IDLE_PERCENT;
        }
    }
}
