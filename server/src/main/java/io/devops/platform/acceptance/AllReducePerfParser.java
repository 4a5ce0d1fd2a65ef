package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text nccl-tests' {@code all_reduce_perf} prints. Columns are found by the table's
 * header, so both layouts work: the current one ({@code size count type redop root time algbw busbw
 * #wrong time algbw busbw #wrong}) and the older one without {@code root} and with an {@code error}
 * column instead of {@code #wrong}. Rank prefixes added by mpirun ({@code [0] },
 * {@code [1,0]<stdout>:}) are ignored, and so are lines that are not rows (NCCL INFO/WARN lines).
 * Output that stops before the {@code # Avg bus bandwidth} summary counts as truncated.
 */
final class AllReducePerfParser {

    private static final Pattern RANK_PREFIX = Pattern.compile("^\\[[0-9,]+\\](<std(out|err)>:)?\\s?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern AVG = Pattern.compile("^Avg bus bandwidth\\s*:\\s*(\\S+)");
    private static final Pattern OUT_OF_BOUNDS = Pattern.compile("^Out of bounds values\\s*:\\s*(\\d+)\\s+(\\S+)");
    private static final int MAX_QUOTED = 80;

    private AllReducePerfParser() {
    }

    static NcclTable parse(String output) {
        if (output == null || output.isBlank()) {
            return NcclTable.notParsed("the output is empty");
        }
        Columns columns = null;
        Set<Long> sizes = new LinkedHashSet<>();
        List<BandwidthPoint> points = new ArrayList<>();
        long wrong = 0;
        Double avg = null;
        boolean outOfBoundsFailed = false;
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = RANK_PREFIX.matcher(lines[i]).replaceFirst("").strip();
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (columns == null && comment.matches("size\\s+count\\s+type\\b.*")) {
                    columns = Columns.of(comment.split("\\s+"));
                    if (columns == null) {
                        return NcclTable.notParsed("line " + (i + 1) + " is a table header without time, algbw and busbw columns: '"
                                + quote(comment) + "'");
                    }
                }
                Matcher summary = AVG.matcher(comment);
                if (summary.find()) {
                    if (!NUMBER.matcher(summary.group(1)).matches()) {
                        return NcclTable.notParsed("the average bus bandwidth is not a number: '" + quote(summary.group(1)) + "'");
                    }
                    avg = Double.parseDouble(summary.group(1));
                }
                Matcher bounds = OUT_OF_BOUNDS.matcher(comment);
                if (bounds.find()) {
                    outOfBoundsFailed = !"OK".equalsIgnoreCase(bounds.group(2)) || Long.parseLong(bounds.group(1)) > 0;
                }
                continue;
            }
            if (columns == null || !startsWithDigits(line)) {
                continue;
            }
            String[] cells = line.split("\\s+");
            if (cells.length != columns.count()) {
                return NcclTable.notParsed("line " + (i + 1) + " is not a complete row of the all_reduce_perf table ("
                        + columns.count() + " columns expected, " + cells.length + " found): '" + quote(line) + "'");
            }
            BandwidthPoint point = columns.point(cells);
            if (point == null) {
                return NcclTable.notParsed("line " + (i + 1) + " has a value that is not a number: '" + quote(line) + "'");
            }
            if (sizes.add(point.sizeBytes())) {
                points.add(point);
                wrong += columns.wrong(cells);
            }
        }
        if (columns == null) {
            return NcclTable.notParsed("no all_reduce_perf table: no '#  size  count  type ...' header line");
        }
        if (points.isEmpty()) {
            return NcclTable.notParsed("the all_reduce_perf table has no rows");
        }
        if (avg == null) {
            return NcclTable.notParsed("the output ends before '# Avg bus bandwidth' (truncated, or all_reduce_perf stopped early)");
        }
        return NcclTable.parsed(points, avg, wrong, outOfBoundsFailed);
    }

    private static boolean startsWithDigits(String line) {
        int end = line.indexOf(' ');
        String first = end < 0 ? line : line.substring(0, end);
        return !first.isEmpty() && first.chars().allMatch(Character::isDigit);
    }

    private static String quote(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }

    /** Where the values sit in a row, from the header: first (out-of-place) and second (in-place) groups. */
    private record Columns(int count, int algbw, int busbw, int wrong, int inAlgbw, int inBusbw, int inWrong) {

        static Columns of(String[] header) {
            List<String> names = Arrays.stream(header).map(name -> name.toLowerCase(Locale.ROOT)).toList();
            int algbw = names.indexOf("algbw");
            int busbw = names.indexOf("busbw");
            int inAlgbw = names.lastIndexOf("algbw");
            int inBusbw = names.lastIndexOf("busbw");
            if (algbw < 0 || busbw < 0 || inAlgbw == algbw || inBusbw == busbw || !names.contains("time")) {
                return null;
            }
            int wrong = names.indexOf("#wrong");
            int inWrong = names.lastIndexOf("#wrong");
            return new Columns(names.size(), algbw, busbw, wrong, inAlgbw, inBusbw, inWrong == wrong ? -1 : inWrong);
        }

        BandwidthPoint point(String[] cells) {
            double[] values = new double[cells.length];
            for (int i : new int[] {algbw, busbw, inAlgbw, inBusbw}) {
                if (!NUMBER.matcher(cells[i]).matches()) {
                    return null;
                }
                values[i] = Double.parseDouble(cells[i]);
            }
            if (!cells[0].chars().allMatch(Character::isDigit) || cells[0].length() > 18) {
                return null;
            }
            return new BandwidthPoint(Long.parseLong(cells[0]), values[algbw], values[busbw], values[inAlgbw], values[inBusbw],
                    count(cells, wrong));
        }

        long wrong(String[] cells) {
            Long out = count(cells, wrong);
            Long in = count(cells, inWrong);
            return (out == null ? 0 : out) + (in == null ? 0 : in);
        }

        private static Long count(String[] cells, int index) {
            return index < 0 || !cells[index].chars().allMatch(Character::isDigit) || cells[index].length() > 18
                    ? null : Long.parseLong(cells[index]);
        }
    }
}
