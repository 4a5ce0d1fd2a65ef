package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        ToolOutput output = ToolOutput.of(report);
        Optional<CheckResult> unusable = HealthOutput.unusable(NAME, output, "nvidia-smi");
        if (unusable.isPresent()) {
            return unusable.get();
        }
        SmiCsv csv = SmiCsv.parse(output.text(), FIELDS);
        if (csv.unreadable() != null) {
            return CheckResult.error(NAME, "not the PCIe link list nvidia-smi --query-gpu prints: " + csv.unreadable());
        }
        if (csv.rows().isEmpty()) {
            return CheckResult.error(NAME, "nvidia-smi lists no GPU, so no PCIe link can be judged (see gpu_inventory)");
        }
        List<String> narrow = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Link worst = null;
        for (List<String> row : csv.rows()) {
            Link link = Link.of(row);
            if (link.unreadable()) {
                unreadable.add("GPU " + link.gpu() + " (" + link.busId() + ") reports gen " + row.get(2) + "/" + row.get(3) + " width "
                        + row.get(4) + "/" + row.get(5));
                continue;
            }
            if (worst == null || link.widthNow() * worst.widthMax() < worst.widthNow() * link.widthMax()) {
                worst = link;
            }
            if (link.widthNow() < link.widthMax()) {
                narrow.add("GPU " + link.gpu() + " (" + link.busId() + ") at x" + link.widthNow() + " of x" + link.widthMax());
            } else if (link.genNow() < link.genMax()) {
                (link.idle() ? idle : slow).add("GPU " + link.gpu() + " at gen " + link.genNow() + " of " + link.genMax()
                        + (link.load() == null ? " (utilisation unknown)" : " at " + link.load() + " % utilisation"));
            }
        }
        return HealthOutput.settle(verdict(csv, narrow, slow, idle, unreadable, worst), output, "nvidia-smi");
    }

    private static CheckResult verdict(SmiCsv csv, List<String> narrow, List<String> slow, List<String> idle, List<String> unreadable,
                                       Link worst) {
        if (!unreadable.isEmpty() && narrow.isEmpty()) {
            return CheckResult.error(NAME, String.join("; ", unreadable) + ": the link cannot be judged; run nvidia-smi -q -d PCI");
        }
        Double measured = (double) worst.widthNow();
        Double threshold = (double) worst.widthMax();
        String idleNote = idle.isEmpty() ? "" : "; " + String.join(", ", idle) + " (idle links downshift, not a fault)";
        if (!narrow.isEmpty()) {
            return new CheckResult(NAME, CheckVerdict.FAIL, measured, threshold, "PCIe lanes", String.join("; ", narrow)
                    + ": reseat the GPU or its riser/cable, check the slot; RMA if it stays narrow");
        }
        if (!slow.isEmpty()) {
            return new CheckResult(NAME, CheckVerdict.WARN, measured, threshold, "PCIe lanes", String.join("; ", slow)
                    + ": below the maximum generation under load; check the BIOS PCIe speed setting and the slot" + idleNote);
        }
        return new CheckResult(NAME, CheckVerdict.PASS, measured, threshold, "PCIe lanes", "all " + csv.rows().size()
                + " GPUs at full link width (x" + worst.widthMax() + ")" + idleNote);
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
