package io.devops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a command's data: JSON (indented, one document, what a script parses), YAML, or an
 * aligned table. A list prints as rows under the given columns; a single object as FIELD/VALUE rows.
 */
final class Output {

    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    private static final String GAP = "  ";

    private Output() {
    }

    static String render(JsonNode data, Format format, List<Column> columns) {
        try {
            return switch (format) {
                case JSON -> Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(data) + "\n";
                case YAML -> YAML.writeValueAsString(data);
                case TABLE -> data.isArray() ? table(data, columns) : fields(data);
            };
        } catch (JsonProcessingException e) {
            throw CliException.failed("cannot write the answer as " + format.name().toLowerCase() + ": " + e.getMessage());
        }
    }

    /** Rows under headers, each column as wide as its widest cell; an empty list says so. */
    static String table(JsonNode rows, List<Column> columns) {
        if (rows.isEmpty()) {
            return "(none)\n";
        }
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::header).toList());
        rows.forEach(row -> cells.add(columns.stream().map(column -> oneLine(column.cell().apply(row))).toList()));
        return aligned(cells);
    }

    /** A single object: one row per top-level field, nested values as compact JSON. */
    static String fields(JsonNode object) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("FIELD", "VALUE"));
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            cells.add(List.of(field.getKey(), oneLine(text(field.getValue()))));
        }
        return aligned(cells);
    }

    static String aligned(List<List<String>> cells) {
        int columns = cells.get(0).size();
        int[] widths = new int[columns];
        cells.forEach(row -> {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length()))).append(GAP);
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** A cell's text: {@code -} for a missing or null value, text as is, anything else as compact JSON. */
    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.isEmpty() || value.isArray() && value.isEmpty()) {
            return "-";
        }
        return value.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
