package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * {@code gpu_inventory}: the GPUs nvidia-smi lists ({@code index,name,serial,uuid,pci.bus_id,
 * persistence_mode,driver_version}) against the node's declared type and count. FAIL on fewer or
 * more GPUs than declared, a lost GPU, another model, a missing or repeated serial or UUID, GPUs on
 * different drivers, or persistence mode off. Persistence mode off is FAIL, not WARN: DCGM's
 * diagnostic fails it too (one cause, one verdict across checks), without it every CUDA start
 * re-initialises the GPUs, and the fix is one command.
 */
@Component
class GpuInventoryCheck implements AcceptanceCheck {

    static final String NAME = "gpu_inventory";
    private static final int FIELDS = 7;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String report, NodeContext node) {
        return HealthOutput.judge(NAME, report, "nvidia-smi", output -> judge(SmiCsv.parse(output.text(), FIELDS), node));
    }

    private static CheckResult judge(SmiCsv csv, NodeContext node) {
        if (csv.unreadable() != null) {
            return CheckResult.missingEvidence(NAME, "not the GPU list nvidia-smi --query-gpu prints: " + csv.unreadable());
        }
        List<Gpu> gpus = csv.rows().stream().map(Gpu::of).toList();
        Integer declared = node.gpuCount();
        Double threshold = declared == null ? null : declared.doubleValue();
        if (gpus.isEmpty()) {
            return CheckResult.fault(NAME, CheckVerdict.FAIL, 0.0, threshold, "GPUs", "nvidia-smi lists no GPU"
                    + lostNote(csv.lostGpus()) + ": check that the GPUs are seated and seen by lspci, and that the driver loaded");
        }
        Findings findings = new Findings();
        count(gpus, csv.lostGpus(), declared, findings);
        model(gpus, node.gpuType(), findings);
        identities(gpus, findings);
        persistence(gpus, findings);
        String driver = driver(gpus, findings);
        String summary = gpus.size() + (declared == null ? "" : " of " + declared) + " GPUs " + gpus.get(0).name()
                + ", driver " + driver;
        String message = findings.verdict() == CheckVerdict.PASS ? summary + ", serials distinct, persistence mode on"
                : findings.message() + " (" + summary + ")";
        return new CheckResult(NAME, findings.verdict(), (double) gpus.size(), threshold, "GPUs", message, findings.reason());
    }

    private static void count(List<Gpu> gpus, List<String> lost, Integer declared, Findings findings) {
        if (!lost.isEmpty()) {
            findings.fail("lost GPU" + (lost.size() > 1 ? "s " : " ") + String.join(", ", lost)
                    + ": the driver cannot reach it; reboot, then reseat or RMA it if it stays lost");
        }
        if (declared == null) {
            Optional<GpuModels.GpuModel> model = GpuModels.of(gpus.get(0).name()).filter(GpuModels.GpuModel::nvswitchBoard);
            if (model.isPresent() && model.get().boardGpus() != gpus.size()) {
                findings.warn(gpus.size() + " GPUs where an HGX " + model.get().label() + " board has " + model.get().boardGpus()
                        + "; the inventory declares no GPU count, so this is not judged: declare it on the node");
            } else {
                findings.warn("the inventory declares no GPU count: " + gpus.size() + " found, not compared; declare it on the node");
            }
            return;
        }
        if (gpus.size() < declared) {
            findings.fail(gpus.size() + " of " + declared + " GPUs: " + missing(gpus, declared));
        } else if (gpus.size() > declared) {
            findings.fail(gpus.size() + " GPUs where the inventory declares " + declared + ": correct the inventory or the node");
        }
    }

    /** Names what is missing as well as the listing allows: a gap in the indexes, else the bus ids present. */
    private static String missing(List<Gpu> gpus, int declared) {
        TreeSet<Integer> indexes = gpus.stream().map(Gpu::index).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        List<Integer> gaps = IntStream.range(0, declared).filter(i -> !indexes.contains(i)).boxed()
                .filter(i -> indexes.isEmpty() || i < indexes.last()).toList();
        String present = gpus.stream().map(Gpu::busId).collect(Collectors.joining(", "));
        if (!gaps.isEmpty()) {
            return "missing index " + gaps.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " (bus ids present: "
                    + present + "); reseat or RMA the missing GPU";
        }
        return "the driver numbers the GPUs it sees without gaps, so the missing one is not enumerated at all (bus ids present: "
                + present + "); compare with 'lspci -d 10de:' and the board's slots, then reseat or RMA it";
    }

    private static void model(List<Gpu> gpus, String declaredType, Findings findings) {
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        gpus.forEach(gpu -> byModel.computeIfAbsent(gpu.name(), name -> new ArrayList<>()).add(gpu.index()));
        if (byModel.size() > 1) {
            findings.fail("mixed models on one node: " + byModel.entrySet().stream().map(e -> e.getKey() + " on GPU " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (declaredType == null || declaredType.isBlank()) {
            findings.warn("the inventory declares no GPU type: " + byModel.keySet() + " found, not compared; declare it on the node");
            return;
        }
        byModel.forEach((name, indexes) -> {
            if (!GpuModels.isDeclared(name, declaredType)) {
                findings.fail("GPU " + indexes + " is '" + name + "', the inventory declares '" + declaredType
                        + "': correct the inventory or the node");
            }
        });
    }

    private static void identities(List<Gpu> gpus, Findings findings) {
        for (String field : List.of("serial", "uuid")) {
            Map<String, List<Integer>> holders = new LinkedHashMap<>();
            for (Gpu gpu : gpus) {
                String value = field.equals("serial") ? gpu.serial() : gpu.uuid();
                if (SmiCsv.missing(value)) {
                    findings.fail("GPU " + gpu.index() + " (" + gpu.busId() + ") reports no " + field + " ('" + value
                            + "'): a data-center GPU always has one; check its InfoROM (nvidia-smi -q) or RMA it");
                } else {
                    holders.computeIfAbsent(value, v -> new ArrayList<>()).add(gpu.index());
                }
            }
            holders.forEach((value, indexes) -> {
                if (indexes.size() > 1) {
                    findings.fail("GPUs " + indexes + " report the same " + field + " " + value
                            + ": the InfoROM is corrupt or the output is masked; identities must be unique to track RMAs");
                }
            });
        }
    }

    private static void persistence(List<Gpu> gpus, Findings findings) {
        List<Integer> off = gpus.stream().filter(gpu -> !gpu.persistence().equalsIgnoreCase("Enabled")).map(Gpu::index).toList();
        if (!off.isEmpty()) {
            findings.fail("persistence mode is not Enabled on GPU " + off + ": enable nvidia-persistenced "
                    + "('systemctl enable --now nvidia-persistenced', or 'nvidia-smi -pm 1')");
        }
    }

    private static String driver(List<Gpu> gpus, Findings findings) {
        List<String> drivers = gpus.stream().map(Gpu::driver).distinct().toList();
        if (drivers.size() > 1) {
            findings.fail("GPUs report different driver versions " + drivers + ": reboot after the driver change");
        }
        if (drivers.stream().anyMatch(driver -> !driver.matches("\\d+(\\.\\d+){1,2}"))) {
            findings.fail("the driver version is not a version number: " + drivers);
        }
        return drivers.get(0);
    }

    private record Gpu(Integer index, String name, String serial, String uuid, String busId, String persistence, String driver) {

        static Gpu of(List<String> cells) {
            return new Gpu(SmiCsv.number(cells.get(0)), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
                    cells.get(6));
        }
    }

    private static String lostNote(List<String> lost) {
        return lost.isEmpty() ? "" : " (lost: " + String.join(", ", lost) + ")";
    }
}
