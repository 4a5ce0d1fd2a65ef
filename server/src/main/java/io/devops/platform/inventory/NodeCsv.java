package io.devops.platform.inventory;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a node import in CSV: a header line naming the columns (any order; {@code ip} required),
 * then one node per line. Fields may be quoted ("a,b" and "" for a quote). Labels are written
 * {@code rack=r1;row=3}. Line numbers in errors count the header as line 1.
 */
final class NodeCsv {

    private static final List<String> COLUMNS = List.of(
            "ip", "hostname", "sshport", "sshuser", "nodetype", "gputype", "gpucount", "nodepool", "nodepoolid", "labels", "credentialid");

    private NodeCsv() {
    }

    /** The drafts with where each came from ("line 7"), for error messages. */
    record Parsed(List<NodeDraft> drafts, List<String> positions) {
    }

    static Parsed parse(String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new InvalidInputException("csv", "the first line must name the columns, for example: ip,hostname,sshPort,nodePool");
        }
        List<String> header = split(lines.get(0)).stream().map(NodeCsv::normalise).toList();
        List<InputError> problems = new ArrayList<>();
        header.stream().filter(column -> !COLUMNS.contains(column))
                .forEach(column -> problems.add(new InputError("line 1", "unknown column '" + column + "'; known: " + COLUMNS)));
        if (!header.contains("ip")) {
            problems.add(new InputError("line 1", "the column 'ip' is required"));
        }
        throwIfAny(problems);
        List<NodeDraft> drafts = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Map<String, String> row = row(header, split(lines.get(i)), i + 1, problems);
            if (row != null) {
                drafts.add(draft(row, i + 1, problems));
                positions.add("line " + (i + 1));
            }
        }
        throwIfAny(problems);
        return new Parsed(drafts, positions);
    }

    private static Map<String, String> row(List<String> header, List<String> fields, int line, List<InputError> problems) {
        if (fields.size() != header.size()) {
            problems.add(new InputError("line " + line, "has " + fields.size() + " fields, the header has " + header.size()));
            return null;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String value = fields.get(c).trim();
            row.put(header.get(c), value.isEmpty() ? null : value);
        }
        return row;
    }

    private static NodeDraft draft(Map<String, String> row, int line, List<InputError> problems) {
        return new NodeDraft(row.get("ip"), row.get("hostname"), row.get("nodetype"), row.get("gputype"),
                integer(row, "gpucount", line, problems), integer(row, "sshport", line, problems), row.get("sshuser"),
                longValue(row, "nodepoolid", line, problems), row.get("nodepool"), labels(row.get("labels"), line, problems),
                longValue(row, "credentialid", line, problems));
    }

    private static Integer integer(Map<String, String> row, String column, int line, List<InputError> problems) {
        Long value = longValue(row, column, line, problems);
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Long longValue(Map<String, String> row, String column, int line, List<InputError> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new InputError("line " + line, column + ": '" + text + "' is not a whole number"));
            return null;
        }
    }

    private static Map<String, String> labels(String text, int line, List<InputError> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        for (String pair : text.split("[;\\s]+")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                problems.add(new InputError("line " + line, "labels: write key=value pairs separated by ';', not '" + pair + "'"));
                continue;
            }
            labels.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return labels;
    }

    private static String normalise(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** RFC 4180 fields of one line. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static void throwIfAny(List<InputError> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Nothing was imported: " + problems.size()
                    + " problem(s) in the CSV; fix them and send the whole import again", problems);
        }
    }
}
