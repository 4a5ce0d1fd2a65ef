package io.devops.platform.acceptance;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Compares a GPU model the inventory declares ("H100") with the one a tool printed ("NVIDIA H100 80GB HBM3"). */
final class GpuModels {

    private static final Set<String> NOISE = Set.of("nvidia", "tesla");

    private GpuModels() {
    }

    /** True when one name's words (less "NVIDIA") are all words of the other; an undeclared model agrees with any. */
    static boolean agree(String declared, String printed) {
        if (declared == null || declared.isBlank() || printed == null || printed.isBlank()) {
            return true;
        }
        List<String> a = meaningful(declared);
        List<String> b = meaningful(printed);
        return !a.isEmpty() && !b.isEmpty() && (Set.copyOf(b).containsAll(a) || Set.copyOf(a).containsAll(b));
    }

    private static List<String> meaningful(String model) {
        return ThresholdRule.words(model).stream().filter(word -> !NOISE.contains(word.toLowerCase(Locale.ROOT))).toList();
    }
}
