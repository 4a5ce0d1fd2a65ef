package io.devops.platform.acceptance;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** One version of the pass lines, as the checks read it: every line of that version and who made it when. */
record LineBook(int version, Instant createdAt, String createdBy, String comment, List<AcceptanceLine> lines) {

    LineBook {
        lines = List.copyOf(lines);
    }

    /** The most specific line of the check's metric for these GPUs over {@code nodes} nodes; {@code what} names them if none. */
    LineLookup lookup(String check, String metric, String model, Integer gpuCount, int nodes, String what) {
        return LineLookup.first(candidates(check, metric, model, gpuCount, nodes), what);
    }

    /**
     * The lines of the metric for these GPUs over {@code nodes} nodes, most specific first; for a
     * multi-node check the caller picks the fabric among them.
     */
    List<AcceptanceLine> candidates(String check, String metric, String model, Integer gpuCount, int nodes) {
        if (model == null || model.isBlank()) {
            return List.of();
        }
        return lines.stream().filter(line -> line.matches(check, metric, model, gpuCount, nodes))
                .sorted(Comparator.comparingInt(AcceptanceLine::specificity).reversed())
                .toList();
    }

    static boolean sameFabric(AcceptanceLine line, String fabric) {
        return line.fabric() != null && fabric != null && line.fabric().toLowerCase(Locale.ROOT).equals(fabric.toLowerCase(Locale.ROOT));
    }
}
