package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The table {@code dcgmi diag} prints without {@code -j}: {@code | Test | Pass |} rows under
 * {@code |-----  Deployment  ---} headers, a failing row followed by {@code | Error | ... |} (or
 * Warning/Info) and continuation rows whose fixed-width cells wrap DCGM's message mid-word. The
 * Metadata section (versions, device ids) is not a result. Without the closing border the table is
 * cut short.
 */
final class DcgmDiagTable {

    private static final Set<String> MESSAGE_ROWS = Set.of("error", "warning", "info");

    private DcgmDiagTable() {
    }

    static DcgmDiagParser.Parsed parse(String text) {
        List<DcgmResult> results = new ArrayList<>();
        String section = "";
        boolean inBody = false;
        boolean closed = false;
        for (String line : text.split("\\R")) {
            String row = line.strip();
            if (row.startsWith("+===")) {
                inBody = true;
                continue;
            }
            if (row.startsWith("+---")) {
                closed = inBody;
                continue;
            }
            if (!inBody || !row.startsWith("|") || !row.endsWith("|")) {
                continue;
            }
            closed = false;
            if (row.startsWith("|-----")) {
                section = row.replaceAll("[|+\\-]", " ").strip();
                continue;
            }
            String[] cells = cells(line);
            if (cells == null || section.equalsIgnoreCase("Metadata")) {
                continue;
            }
            String name = cells[0].strip();
            if (name.isEmpty() || MESSAGE_ROWS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                if (!results.isEmpty()) {
                    String chunk = name.isEmpty() ? wrapped(cells[1]) : " " + wrapped(cells[1]).stripLeading();
                    results.set(results.size() - 1, results.get(results.size() - 1).withMessage(chunk));
                }
                continue;
            }
            String value = cells[1].strip();
            int dash = value.indexOf(" - ");
            String gpus = dash < 0 ? null : value.substring(dash + 3).replaceFirst("(?i)^GPUs?:?\\s*", "").strip();
            String status = dash < 0 ? value : value.substring(0, dash);
            results.add(new DcgmResult(section, name, gpus, DcgmResult.Status.of(status), status, ""));
        }
        if (results.isEmpty()) {
            return new DcgmDiagParser.Parsed(List.of(), "the dcgmi diag table has no test rows");
        }
        if (!closed) {
            return new DcgmDiagParser.Parsed(List.of(), "the dcgmi diag table is cut short (no closing border)");
        }
        return new DcgmDiagParser.Parsed(results.stream().map(DcgmResult::normalized).toList(), null);
    }

    /** The two cells of a row, raw (with their padding), or null when the row is not two cells. */
    private static String[] cells(String line) {
        String row = line.strip();
        String inner = row.substring(1, row.length() - 1);
        int bar = inner.indexOf('|');
        return bar < 0 ? null : new String[] {inner.substring(0, bar), inner.substring(bar + 1)};
    }

    /** A wrapped chunk: one space of left padding and two of right padding are the table's, the rest is text. */
    private static String wrapped(String cell) {
        String chunk = cell.startsWith(" ") ? cell.substring(1) : cell;
        return chunk.endsWith("  ") ? chunk.substring(0, chunk.length() - 2) : chunk.stripTrailing();
    }
}
