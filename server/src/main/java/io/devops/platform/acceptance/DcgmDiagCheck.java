package io.devops.platform.acceptance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code dcgmi diag -r <level> -j}: any test that DCGM reports {@code Fail} fails the node (named with
 * its GPU and DCGM's own message), {@code Warn} warns, all {@code Pass} passes. A status DCGM has
 * not been seen to print, or no results at all, is an ERROR: nothing passes unread.
 */
@Component
class DcgmDiagCheck implements AcceptanceCheck {

    static final String NAME = "dcgm_diag";
    private static final Pattern GPU_IN_MESSAGE = Pattern.compile("\\bGPU (\\d+)\\b");
    private static final int MAX_MESSAGE = 300;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String output, NodeContext node) {
        ToolOutput tool = ToolOutput.of(output);
        if (tool.toolMissing()) {
            return tool.missingToolError(NAME);
        }
        if (tool.text().isEmpty()) {
            return CheckResult.missingEvidence(NAME, "dcgmi diag printed nothing" + Figures.exitNote(tool, "it"));
        }
        DcgmDiagParser.Parsed parsed = DcgmDiagParser.parse(tool.text());
        if (parsed.notParsed() != null) {
            return CheckResult.missingEvidence(NAME, "dcgmi diag's output cannot be judged: " + parsed.notParsed() + Figures.exitNote(tool, "dcgmi"));
        }
        List<DcgmResult> results = parsed.results();
        List<DcgmResult> failed = only(results, DcgmResult.Status.FAIL);
        if (!failed.isEmpty()) {
            return verdict(CheckVerdict.FAIL, failed, "DCGM diagnostic failed: " + describe(failed));
        }
        List<DcgmResult> unknown = only(results, DcgmResult.Status.UNKNOWN);
        if (!unknown.isEmpty()) {
            return CheckResult.error(NAME, "DCGM reported a status this check does not know: " + unknown.stream()
                    .map(r -> r.test() + " '" + r.rawStatus() + "'").collect(Collectors.joining(", ")));
        }
        long passed = results.stream().filter(r -> r.status() == DcgmResult.Status.PASS).count();
        if (passed == 0) {
            return CheckResult.error(NAME, "DCGM ran no test: every result is skipped");
        }
        if (tool.exitStatus().isPresent() && tool.exitStatus().getAsInt() != 0) {
            return CheckResult.error(NAME, "dcgmi exited with status " + tool.exitStatus().getAsInt() + " though no test failed");
        }
        List<DcgmResult> warned = only(results, DcgmResult.Status.WARN);
        if (!warned.isEmpty()) {
            return verdict(CheckVerdict.WARN, warned, "DCGM diagnostic warns: " + describe(warned));
        }
        long skipped = results.size() - passed;
        return CheckResult.fault(NAME, CheckVerdict.PASS, 0.0, 0.0, "failed tests", passed + " DCGM test result(s) passed"
                + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    }

    private static List<DcgmResult> only(List<DcgmResult> results, DcgmResult.Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    private static CheckResult verdict(CheckVerdict verdict, List<DcgmResult> results, String message) {
        return CheckResult.fault(NAME, verdict, (double) results.size(), 0.0, verdict == CheckVerdict.FAIL ? "failed tests" : "warnings",
                message);
    }

    /** "Persistence Mode on GPU 0, 1: Persistence mode for GPU 0 is currently disabled. ..." for each test. */
    private static String describe(List<DcgmResult> results) {
        return results.stream().collect(Collectors.groupingBy(DcgmResult::test, java.util.LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream().map(entry -> entry.getKey() + " on GPU " + gpus(entry.getValue()) + ": " + message(entry.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String gpus(List<DcgmResult> results) {
        Set<String> gpus = new LinkedHashSet<>();
        for (DcgmResult result : results) {
            if (result.gpus() != null && !result.gpus().isBlank()) {
                gpus.add(result.gpus().strip());
            } else {
                Matcher named = GPU_IN_MESSAGE.matcher(result.message());
                while (named.find()) {
                    gpus.add(named.group(1));
                }
            }
        }
        return gpus.isEmpty() ? "(all; DCGM names none)" : String.join(", ", gpus);
    }

    private static String message(List<DcgmResult> results) {
        String text = results.stream().map(DcgmResult::message).filter(m -> !m.isBlank()).distinct().collect(Collectors.joining(" "));
        if (text.isEmpty()) {
            return "DCGM gave no message";
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
