package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code nvlink}: {@code nvidia-smi nvlink --status}, a "GPU n: model (UUID: ...)" line per GPU, then
 * "Link n: 26.562 GB/s" or "Link n: &lt;inactive&gt;" lines (indented with a tab or spaces). FAIL: an
 * inactive link, a GPU whose links are all inactive ("NVML: Unable to retrieve NVLink information as
 * all links are inactive"), a link slower than the model's rated speed, and fewer links than the
 * model has ({@link GpuModels}): on an NVSwitch board every link carries a share of the all-to-all
 * traffic, so a missing link costs bandwidth as surely as a down one. Fewer GPUs listed than the
 * node declares is FAIL too (their links cannot be judged). A model without rated figures is judged
 * on link state only, as WARN.
 */
@Component
class NvlinkCheck implements AcceptanceCheck {

    static final String NAME = "nvlink";
    private static final Pattern GPU = Pattern.compile("^GPU (\\d+): (.+?) \\(UUID: ([^)]*)\\)$");
    private static final Pattern LINK = Pattern.compile("^Link (\\d+): (.+)$");
    private static final Pattern SPEED = Pattern.compile("^(\\d+(?:\\.\\d+)?) GB/s$");
    private static final String ALL_INACTIVE = "all links are inactive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String report, NodeContext node) {
        return HealthOutput.judge(NAME, report, "nvidia-smi", output -> judgeStatus(output.text(), node));
    }

    private static CheckResult judgeStatus(String text, NodeContext node) {
        List<GpuLinks> gpus = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher gpu = GPU.matcher(line);
            Matcher link = LINK.matcher(line);
            if (gpu.matches()) {
                gpus.add(new GpuLinks(gpu.group(1), gpu.group(2), new ArrayList<>(), new ArrayList<>()));
            } else if (!gpus.isEmpty() && link.matches()) {
                gpus.get(gpus.size() - 1).links().add(new Link(Integer.parseInt(link.group(1)), link.group(2).strip()));
            } else if (!gpus.isEmpty() && line.contains(ALL_INACTIVE)) {
                gpus.get(gpus.size() - 1).said().add(line);
            } else if (!line.isEmpty()) {
                return CheckResult.missingEvidence(NAME, "line " + (i + 1) + " is not nvidia-smi nvlink --status output: '" + HealthOutput.quote(line)
                        + "'");
            }
        }
        if (gpus.isEmpty()) {
            return CheckResult.missingEvidence(NAME, "nvidia-smi nvlink --status lists no GPU");
        }
        return judge(gpus, node);
    }

    private static CheckResult judge(List<GpuLinks> gpus, NodeContext node) {
        Findings findings = new Findings();
        int up = 0;
        int expected = 0;
        if (node.gpuCount() != null && gpus.size() < node.gpuCount()) {
            findings.fail(gpus.size() + " of " + node.gpuCount()
                    + " GPUs listed: the missing GPUs' links cannot be judged (see gpu_inventory)");
        }
        for (GpuLinks gpu : gpus) {
            Optional<GpuModels.GpuModel> model = GpuModels.of(gpu.model());
            Integer rated = model.map(GpuModels.GpuModel::nvlinks).orElse(null);
            Double speed = model.map(GpuModels.GpuModel::nvlinkGbps).orElse(null);
            expected += rated != null ? rated : gpu.links().size();
            if (!gpu.said().isEmpty()) {
                findings.fail("GPU " + gpu.index() + ": all NVLinks inactive: reset the GPU; check Fabric Manager and the NVSwitch tray");
                continue;
            }
            up += judgeLinks(gpu, speed, findings);
            if (rated == null) {
                findings.warn("GPU " + gpu.index() + " (" + gpu.model() + "): no rated NVLink figures known, only link state judged");
            } else if (gpu.links().size() < rated) {
                findings.fail("GPU " + gpu.index() + ": " + gpu.links().size() + " of " + rated + " NVLinks listed for "
                        + model.get().label() + ": links are disabled or missing; reset the GPU, RMA if it stays");
            }
        }
        String allClear = up == 0 ? "no NVLink on these GPUs (" + gpus.get(0).model() + ")"
                : "all " + up + " NVLinks of " + gpus.size() + " GPUs up at their rated speed";
        return findings.result(NAME, (double) up, (double) expected, "NVLinks up at rated speed", allClear);
    }

    /** @return the links up at (at least) the rated speed, or up at all when no rate is known */
    private static int judgeLinks(GpuLinks gpu, Double rated, Findings findings) {
        List<Integer> inactive = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        int up = 0;
        for (Link link : gpu.links()) {
            Matcher speed = SPEED.matcher(link.state());
            if (!speed.matches()) {
                inactive.add(link.number());
            } else if (rated != null && Double.parseDouble(speed.group(1)) < rated - 0.001) {
                slow.add("link " + link.number() + " at " + link.state());
            } else {
                up++;
            }
        }
        if (!inactive.isEmpty()) {
            findings.fail("GPU " + gpu.index() + ": NVLink " + inactive + " inactive: reset the GPU; check Fabric Manager, "
                    + "then reseat or RMA");
        }
        if (!slow.isEmpty()) {
            findings.fail("GPU " + gpu.index() + ": " + String.join(", ", slow) + " below the rated " + rated + " GB/s: reset the GPU; "
                    + "RMA if it stays slow");
        }
        return up;
    }

    /** One GPU's links, and NVML's "all links are inactive" line when it printed one instead. */
    private record GpuLinks(String index, String model, List<Link> links, List<String> said) {
    }

    private record Link(int number, String state) {
    }
}
