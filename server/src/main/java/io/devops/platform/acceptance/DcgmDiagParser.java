package io.devops.platform.acceptance;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code dcgmi diag -r N -j}: the JSON document of DCGM 3.x ({@code "DCGM GPU Diagnostic" >
 * test_categories[] > tests[] > results[]}, results with {@code gpu_ids}/{@code gpu_id}, status
 * "Pass"/"Fail"/"Warn"/"Skip", warnings as strings or {@code {"warning": ..., "error_id": ...}}) and
 * of DCGM 4.x ({@code "DCGM Diagnostic"}, results by {@code entity_id}); and, tolerated, the table
 * dcgmi prints without {@code -j} (see {@link DcgmDiagTable}).
 */
final class DcgmDiagParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DcgmDiagParser() {
    }

    /** What was read: the results, or why none could be. */
    record Parsed(List<DcgmResult> results, String notParsed) {
    }

    static Parsed parse(String text) {
        int start = text.indexOf('{');
        if (start >= 0 && text.lastIndexOf('}') > start) {
            return json(text.substring(start, text.lastIndexOf('}') + 1));
        }
        if (start >= 0) {
            return new Parsed(List.of(), "the JSON document is cut short (no closing brace)");
        }
        if (text.contains("+----")) {
            return DcgmDiagTable.parse(text);
        }
        return new Parsed(List.of(), "not dcgmi diag output (no JSON document, no result table): '" + Figures.lastLine(text) + "'");
    }

    private static Parsed json(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JacksonException e) {
            return new Parsed(List.of(), "the JSON document is cut short or malformed: " + e.getOriginalMessage());
        }
        JsonNode diagnostic = root.has("DCGM GPU Diagnostic") ? root.get("DCGM GPU Diagnostic")
                : root.has("DCGM Diagnostic") ? root.get("DCGM Diagnostic") : root;
        List<DcgmResult> results = new ArrayList<>();
        JsonNode categories = diagnostic.path("test_categories");
        if (categories.isArray()) {
            for (int c = 0; c < categories.size(); c++) {
                tests(categories.get(c).path("category").asString(""), categories.get(c).path("tests"), results);
            }
        } else {
            tests("", diagnostic.path("tests"), results);
        }
        return results.isEmpty() ? new Parsed(List.of(), "the JSON document has no test results") : new Parsed(results, null);
    }

    private static void tests(String category, JsonNode tests, List<DcgmResult> into) {
        for (int t = 0; tests.isArray() && t < tests.size(); t++) {
            JsonNode test = tests.get(t);
            JsonNode results = test.path("results");
            for (int r = 0; results.isArray() && r < results.size(); r++) {
                JsonNode result = results.get(r);
                if (result == null || result.isNull()) {
                    continue;
                }
                String status = result.path("status").asString("");
                into.add(new DcgmResult(category, test.path("name").asString("?"), gpus(result), DcgmResult.Status.of(status), status,
                        warnings(result.path("warnings"))));
            }
        }
    }

    private static String gpus(JsonNode result) {
        for (String key : new String[] {"gpu_ids", "gpu_id", "entity_id"}) {
            JsonNode value = result.get(key);
            if (value != null && !value.isNull()) {
                return value.isString() ? value.asString() : value.toString();
            }
        }
        return null;
    }

    private static String warnings(JsonNode warnings) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; warnings.isArray() && i < warnings.size(); i++) {
            JsonNode warning = warnings.get(i);
            texts.add(warning.isString() ? warning.asString() : warning.path("warning").asString(warning.toString()));
        }
        return String.join(" ", texts);
    }
}
