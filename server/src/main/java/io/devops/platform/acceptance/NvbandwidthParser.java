package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads nvbandwidth's plain output: {@code Device 0: NVIDIA H100 80GB HBM3 (00000000:18:00)} lines,
 * then per testcase {@code Running <testcase>.}, a description ending {@code bandwidth (GB/s)}, a
 * matrix (column indices, then one row per source: {@code 0     55.12     55.09 ...}, {@code N/A} on
 * the diagonal of device-device tests) and the {@code SUM <testcase> <value>} line that ends it. A
 * testcase without its SUM line was cut short; one nvbandwidth waived or failed keeps its message.
 */
final class NvbandwidthParser {

    private static final Pattern RUNNING = Pattern.compile("^Running (\\S+?)\\.?$");
    private static final Pattern DEVICE = Pattern.compile("^Device (\\d+): (.+?)(?: \\([0-9a-fA-F:.]+\\))?$");
    private static final Pattern ROW = Pattern.compile("^(\\d+)((?:\\s+(?:[0-9]+(?:\\.[0-9]+)?|N/A))+)$");
    private static final Pattern SUM = Pattern.compile("^SUM (\\S+) ([0-9]+(?:\\.[0-9]+)?)$");

    private NvbandwidthParser() {
    }

    /** One testcase's matrix: rows by source index, NaN where nvbandwidth printed N/A. */
    record Matrix(Map<Integer, double[]> rows, boolean complete, String problem) {
    }

    record Parsed(Map<Integer, String> devices, Map<String, Matrix> testcases) {
    }

    static Parsed parse(String text) {
        Map<Integer, String> devices = new LinkedHashMap<>();
        Map<String, Matrix> testcases = new LinkedHashMap<>();
        String current = null;
        Map<Integer, double[]> rows = null;
        List<String> problems = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            Matcher device = DEVICE.matcher(line);
            Matcher running = RUNNING.matcher(line);
            Matcher row = ROW.matcher(line);
            Matcher sum = SUM.matcher(line);
            if (device.matches() && current == null) {
                devices.put(Integer.parseInt(device.group(1)), device.group(2));
            } else if (running.matches()) {
                current = running.group(1);
                rows = new LinkedHashMap<>();
                problems = new ArrayList<>();
                testcases.put(current, new Matrix(rows, false, null));
            } else if (current != null && row.matches() && !line.contains("bandwidth")) {
                rows.put(Integer.parseInt(row.group(1)), values(row.group(2)));
            } else if (current != null && sum.matches() && sum.group(1).equals(current)) {
                testcases.put(current, new Matrix(rows, true, null));
            } else if (current != null && (line.startsWith("WAIVED") || line.startsWith("ERROR") || line.startsWith("["))) {
                problems.add(line);
                testcases.put(current, new Matrix(rows, false, String.join(" ", problems)));
            }
        }
        return new Parsed(devices, testcases);
    }

    private static double[] values(String cells) {
        String[] parts = cells.strip().split("\\s+");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].equals("N/A") ? Double.NaN : Double.parseDouble(parts[i]);
        }
        return values;
    }
}
