package io.devops.platform.acceptance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pass line: nodes whose GPU model matches {@code modelMatch} (and, when set, whose GPU count is
 * {@code gpuCount}) must reach {@code minBusBwGbps} busbw at their largest message size, which must
 * be at least {@code minMessageBytes} for the figure to be comparable.
 *
 * <p>Matching: {@code modelMatch} is a few words; every one must equal a word of the model string
 * nvidia-smi prints, ignoring case, where words are split at anything but letters and digits. So
 * "H100 HBM3" matches "NVIDIA H100 80GB HBM3" (SXM) but not "NVIDIA H100 PCIe" or "NVIDIA H100 NVL",
 * and "A100 SXM4" matches "NVIDIA A100-SXM4-80GB". When several rules match, the one with more
 * words wins, then one with a GPU count, then the lower id.
 */
record ThresholdRule(long id, String name, String modelMatch, Integer gpuCount, double minBusBwGbps, long minMessageBytes,
                     String description) {

    boolean matches(String model, int count) {
        if (gpuCount != null && gpuCount != count) {
            return false;
        }
        Set<String> modelWords = Set.copyOf(words(model));
        return modelWords.containsAll(words(modelMatch));
    }

    /** Higher is more specific. */
    int specificity() {
        return words(modelMatch).size() * 2 + (gpuCount == null ? 0 : 1);
    }

    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")).filter(word -> !word.isEmpty())
                .collect(Collectors.toList());
    }
}
