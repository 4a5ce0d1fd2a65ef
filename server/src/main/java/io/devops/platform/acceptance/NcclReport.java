package io.devops.platform.acceptance;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an NCCL test report (content/scripts/single_nccl_test.sh) a judgement needs: the
 * GPUs from its {@code | GPUs | 8 x NVIDIA H100 80GB HBM3 |} row and the raw all_reduce_perf output
 * from its {@code ```text} block. Without the row, the GPUs come from all_reduce_perf's own device
 * lines ({@code #  Rank  0 Group  0 Pid ... device  0 [0000:18:00] NVIDIA H100 80GB HBM3}); without
 * the block, the whole report is read as output.
 */
record NcclReport(Gpus gpus, String output) {

    private static final Pattern GPUS_ROW = Pattern.compile("(?m)^\\|\\s*GPUs\\s*\\|\\s*(\\d{1,4})\\s*x\\s*([^|]+?)\\s*\\|");
    private static final Pattern TEXT_BLOCK = Pattern.compile("(?s)```text\\R(.*?)(```|\\z)");
    private static final Pattern DEVICE_LINE = Pattern.compile(
            "(?m)^(?:\\[[0-9,]+\\]\\S*\\s?)?#\\s*Rank\\s+(\\d+)\\s+(?:Group\\s+\\d+\\s+)?Pid\\s+\\d+\\s+on\\s+\\S+\\s+device\\s+\\d+\\s+\\[[^\\]]*\\]\\s+(.+?)\\s*$");

    /** True when the text holds all_reduce_perf output worth judging. */
    static boolean looksLikeNccl(String content) {
        return content != null && content.contains("all_reduce_perf");
    }

    static NcclReport of(String content) {
        Matcher block = TEXT_BLOCK.matcher(content);
        String output = block.find() ? block.group(1) : content;
        return new NcclReport(gpus(content, output), output);
    }

    private static Gpus gpus(String content, String output) {
        Matcher row = GPUS_ROW.matcher(content);
        if (row.find()) {
            return new Gpus(Integer.parseInt(row.group(1)), row.group(2));
        }
        Matcher device = DEVICE_LINE.matcher(output);
        Set<String> ranks = new LinkedHashSet<>();
        String model = null;
        while (device.find()) {
            ranks.add(device.group(1));
            model = model == null ? device.group(2) : model;
        }
        return model == null ? null : new Gpus(ranks.size(), model);
    }

    /** How many GPUs of which model (as nvidia-smi names it) the test ran on. */
    record Gpus(int count, String model) {

        @Override
        public String toString() {
            return count + " x " + model;
        }
    }
}
