package io.devops.platform.acceptance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the health checks know about a GPU model: how many GPUs its HGX board carries and its NVLink
 * (links per GPU, rated speed per link as {@code nvidia-smi nvlink --status} prints it).
 *
 * <p>Sources: NVIDIA's H100 and H200 datasheets (NVLink 4, 18 links, 900 GB/s per GPU, which
 * nvidia-smi shows as 26.562 GB/s per link and direction) and the A100 datasheet (NVLink 3, 12 links,
 * 600 GB/s per GPU, shown as 25 GB/s per link); HGX H100/H200/A100 8-GPU boards join their GPUs
 * through NVSwitches. The per-link figures and link counts are also those of the real captures in
 * ../shared/reference/gpu-outputs (nvlink-status for H100, H200 and 8x A100). Matching is by words,
 * as {@link ThresholdRule#matches}: "H100 HBM3" matches "NVIDIA H100 80GB HBM3" (SXM5) but not
 * "NVIDIA H100 PCIe"; the entry with more words wins ("H200 NVL" over "H200").
 */
final class GpuModels {

    /** {@code nvlinks} 0: the model has no NVLink of its own (PCIe cards; NVL bridges vary, so null). */
    record GpuModel(String match, String label, int boardGpus, Integer nvlinks, Double nvlinkGbps, boolean nvswitchBoard) {
    }

    private static final List<GpuModel> MODELS = List.of(
            new GpuModel("H100 HBM3", "H100 SXM", 8, 18, 26.562, true),
            new GpuModel("H200", "H200 SXM", 8, 18, 26.562, true),
            new GpuModel("H200 NVL", "H200 NVL", 8, null, null, false),
            new GpuModel("H100 NVL", "H100 NVL", 8, null, null, false),
            new GpuModel("H100 PCIe", "H100 PCIe", 8, 0, null, false),
            new GpuModel("A100 SXM4", "A100 SXM4", 8, 12, 25.0, true),
            new GpuModel("A100 PCIe", "A100 PCIe", 8, null, null, false));

    private static final Set<String> NOISE = Set.of("nvidia", "tesla");

    private GpuModels() {
    }

    static Optional<GpuModel> of(String modelName) {
        if (modelName == null || modelName.isBlank()) {
            return Optional.empty();
        }
        Set<String> words = Set.copyOf(ThresholdRule.words(modelName));
        return MODELS.stream().filter(model -> words.containsAll(ThresholdRule.words(model.match())))
                .max(Comparator.comparingInt(model -> ThresholdRule.words(model.match()).size()));
    }

    /**
     * The model an inventory's declared type names: by words as {@link #of}, else, for a bare family
     * ("H100", "H100 SXM"), the family's NVSwitch board, which is what an 8-GPU node of that family is.
     */
    static Optional<GpuModel> ofDeclared(String declaredType) {
        Optional<GpuModel> exact = of(declaredType);
        if (exact.isPresent() || declaredType == null) {
            return exact;
        }
        Set<String> words = Set.copyOf(ThresholdRule.words(declaredType));
        return MODELS.stream().filter(GpuModel::nvswitchBoard).filter(model -> words.contains(ThresholdRule.words(model.match()).get(0)))
                .findFirst();
    }

    /**
     * The one model-name rule (also {@link #agree}'s): every word of the declared type but the brand
     * words some names drop ("NVIDIA", "Tesla") is a word of the name; brand words alone name nothing.
     */
    static boolean isDeclared(String modelName, String declaredType) {
        List<String> wanted = meaningful(declaredType);
        return !wanted.isEmpty() && Set.copyOf(meaningful(modelName)).containsAll(wanted);
    }

    /**
     * Whether a model the inventory declares ("H100") and one a tool printed ("NVIDIA H100 80GB
     * HBM3") agree: either is the other by {@link #isDeclared}. An undeclared or unprinted model
     * agrees with any (the check then judges by what the tool printed alone).
     */
    static boolean agree(String declared, String printed) {
        if (declared == null || declared.isBlank() || printed == null || printed.isBlank()) {
            return true;
        }
        return isDeclared(printed, declared) || isDeclared(declared, printed);
    }

    private static List<String> meaningful(String model) {
        return ThresholdRule.words(model).stream().filter(word -> !NOISE.contains(word.toLowerCase(Locale.ROOT))).toList();
    }
}
