package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code nvidia-smi --query-gpu=... --format=csv,noheader}: one row per GPU, fields joined by
 * ", " (GPU names never hold a comma), values with their units ("0 %") or "[N/A]". A GPU that the
 * driver knows but cannot reach prints "Unable to determine the device handle for GPU0000:3B:00.0:
 * ..." instead of its row; those are kept apart as lost GPUs. Any other line is unreadable.
 */
record SmiCsv(List<List<String>> rows, List<String> lostGpus, String unreadable) {

    private static final Pattern LOST = Pattern.compile("^Unable to determine the device handle for GPU\\s*"
            + "([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?:\\.[0-9A-Fa-f])?)\\s*:?\\s*(.*)$");
    static final String NO_DEVICES = "No devices were found";

    static SmiCsv parse(String text, int fields) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher lostGpu = LOST.matcher(line);
            if (line.isEmpty() || line.equals(NO_DEVICES)) {
                continue;
            }
            if (lostGpu.matches()) {
                lost.add(lostGpu.group(1) + (lostGpu.group(2).isBlank() ? "" : " (" + lostGpu.group(2).strip() + ")"));
                continue;
            }
            List<String> cells = List.of(line.split("\\s*,\\s*", -1));
            if (cells.size() != fields) {
                return new SmiCsv(rows, lost, "line " + (i + 1) + " is not a row of " + fields + " fields: '"
                        + HealthOutput.quote(line) + "'");
            }
            rows.add(cells);
        }
        return new SmiCsv(List.copyOf(rows), List.copyOf(lost), null);
    }

    static boolean missing(String value) {
        return value.isEmpty() || value.startsWith("[") || value.equalsIgnoreCase("N/A");
    }

    /** The leading whole number of a value ("16", "0 %"), or null when there is none ("[N/A]"). */
    static Integer number(String value) {
        Matcher digits = Pattern.compile("^(\\d{1,6})(\\s*%)?$").matcher(value.strip());
        return digits.matches() ? Integer.valueOf(digits.group(1)) : null;
    }
}
