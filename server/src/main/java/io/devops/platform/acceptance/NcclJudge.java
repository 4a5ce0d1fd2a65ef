package io.devops.platform.acceptance;

import io.devops.platform.acceptance.NcclReport.Gpus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Judges a collected report that holds all_reduce_perf output: PASS when the busbw at the largest
 * message size reaches the threshold for the report's GPUs, FAIL when it does not or when values
 * were wrong, UNKNOWN (with why) when the output cannot be read or no threshold applies.
 */
@Component
public class NcclJudge {

    private final ThresholdSettings thresholds;

    NcclJudge(ThresholdSettings thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param path where the report was collected from (a report too large to store is still judged,
     *             as UNKNOWN, when its path names NCCL)
     * @param content the report, null when it was not stored
     * @return empty when the report is not an NCCL test report
     */
    public Optional<Judgement> judge(String path, String content) {
        return judge(path, content, thresholds.all());
    }

    /**
     * A judge bound to one reading of the thresholds, for a run's reports read a few at a time:
     * all of them are judged alike even if the thresholds change meanwhile, and they are read once.
     */
    public Function<ReportText, Optional<Judgement>> withCurrentThresholds() {
        List<ThresholdRule> rules = thresholds.all();
        return report -> judge(report.path(), report.content(), rules);
    }

    static Optional<Judgement> judge(String path, String content, List<ThresholdRule> rules) {
        if (content == null) {
            return path != null && path.toLowerCase(Locale.ROOT).contains("nccl")
                    ? Optional.of(Judgement.unknown("not parsed: the report was larger than the collection limit and was not stored", null))
                    : Optional.empty();
        }
        if (!NcclReport.looksLikeNccl(content)) {
            return Optional.empty();
        }
        return Optional.of(judge(NcclReport.of(content), rules));
    }

    private static Judgement judge(NcclReport report, List<ThresholdRule> rules) {
        NcclTable table = AllReducePerfParser.parse(report.output());
        Gpus gpus = report.gpus();
        if (!table.isParsed()) {
            return Judgement.unknown("not parsed: " + table.notParsed(), gpus);
        }
        BandwidthPoint largest = table.largest();
        if (gpus == null) {
            return measured(Verdict.UNKNOWN, "the report names no GPU model (no '| GPUs |' row and no device lines), so no threshold"
                    + " applies", null, table, null);
        }
        Optional<ThresholdRule> found = ThresholdSettings.best(rules, gpus.model(), gpus.count());
        if (found.isEmpty()) {
            return measured(Verdict.UNKNOWN, "no acceptance threshold matches " + gpus + ": add one", gpus, table, null);
        }
        ThresholdRule rule = found.get();
        String figures = gbps(largest.busBwGbps()) + " GB/s busbw at " + Sizes.human(largest.sizeBytes());
        if (table.wrongValues() > 0 || table.outOfBoundsFailed()) {
            return measured(Verdict.FAIL, "all_reduce_perf found wrong results (" + table.wrongValues()
                    + " wrong values" + (table.outOfBoundsFailed() ? ", out-of-bounds values FAILED" : "") + "); " + figures,
                    gpus, table, rule);
        }
        if (largest.sizeBytes() < rule.minMessageBytes()) {
            return measured(Verdict.UNKNOWN, "the sweep stops at " + Sizes.human(largest.sizeBytes()) + "; threshold "
                    + rule.name() + " needs sizes up to at least " + Sizes.human(rule.minMessageBytes()) + " (all_reduce_perf -e)",
                    gpus, table, rule);
        }
        boolean pass = largest.busBwGbps() >= rule.minBusBwGbps();
        return measured(pass ? Verdict.PASS : Verdict.FAIL, figures + (pass ? " reaches " : " is below ")
                + gbps(rule.minBusBwGbps()) + " GB/s (" + rule.name() + ")", gpus, table, rule);
    }

    /** A collected report: where it came from and its text (null when it was too large to store). */
    public record ReportText(String path, String content) {
    }

    private static Judgement measured(Verdict verdict, String reason, Gpus gpus, NcclTable table, ThresholdRule rule) {
        BandwidthPoint largest = table.largest();
        return new Judgement(verdict, reason, gpus == null ? null : gpus.model(), gpus == null ? null : gpus.count(),
                rule == null ? null : rule.name(), rule == null ? null : rule.minBusBwGbps(), largest.busBwGbps(),
                largest.sizeBytes(), table.avgBusBwGbps(), table.wrongValues(), table.points());
    }

    private static String gbps(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
