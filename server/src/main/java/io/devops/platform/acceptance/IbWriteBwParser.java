package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-HCA blocks of the ib_write_bw report: a {@code == mlx5_0 ==} line, then what
 * perftest printed for that HCA (server and client of the loopback): its CUDA lines
 * ({@code device name = [NVIDIA H100 80GB HBM3]}), the {@code #bytes #iterations BW peak[Gb/sec]
 * BW average[Gb/sec] MsgRate[Mpps]} header and the result rows under it.
 */
final class IbWriteBwParser {

    private static final Pattern HCA = Pattern.compile("^==\\s*(\\S+)\\s*==$");
    private static final Pattern RESULT = Pattern.compile("^(\\d+)\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)(?:\\s+([0-9.]+))?$");
    private static final Pattern GPU_NAME = Pattern.compile("device name = \\[(.+?)\\]");

    private IbWriteBwParser() {
    }

    /**
     * One HCA's block: the BW averages of its result rows (Gb/s), whether a header said Gb/sec,
     * whether perftest set up CUDA (GPUDirect), the GPU it named, and its last line (why it stopped).
     */
    record Block(String hca, List<Double> averages, boolean gbits, boolean headerSeen, boolean cuda, String gpuModel, String lastLine) {

        Double lowest() {
            return averages.stream().min(Double::compare).orElse(null);
        }
    }

    static Map<String, Block> parse(String text) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        String hca = null;
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            Matcher header = HCA.matcher(raw.strip());
            if (header.matches()) {
                if (hca != null) {
                    blocks.put(hca, block(hca, lines));
                }
                hca = header.group(1);
                lines = new ArrayList<>();
            } else if (hca != null) {
                lines.add(raw.strip());
            }
        }
        if (hca != null) {
            blocks.put(hca, block(hca, lines));
        }
        return blocks;
    }

    private static Block block(String hca, List<String> lines) {
        List<Double> averages = new ArrayList<>();
        boolean headerSeen = false;
        boolean gbits = false;
        boolean cuda = false;
        String gpu = null;
        String last = "";
        for (String line : lines) {
            cuda |= line.toLowerCase(Locale.ROOT).contains("cuda");
            Matcher name = GPU_NAME.matcher(line);
            if (name.find()) {
                gpu = name.group(1);
            }
            if (line.startsWith("#bytes") && line.contains("BW average")) {
                headerSeen = true;
                gbits = line.contains("BW average[Gb/sec]");
                continue;
            }
            Matcher result = RESULT.matcher(line);
            if (headerSeen && result.matches()) {
                averages.add(Double.parseDouble(result.group(4)));
            }
            if (!line.isEmpty() && !line.startsWith("----")) {
                last = line;
            }
        }
        return new Block(hca, averages, gbits, headerSeen, cuda, gpu, last.length() <= 160 ? last : last.substring(0, 160) + "…");
    }
}
