package io.devops.platform.catalog;

import io.devops.platform.shared.BoundedRegex;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of a variable's value, in the subset the platform checks itself: {@code type},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code enum},
 * {@code const}, bounds ({@code minimum}, {@code maximum}, {@code exclusiveMinimum},
 * {@code exclusiveMaximum}, {@code minLength}, {@code maxLength}, {@code minItems}, {@code maxItems},
 * {@code minProperties}, {@code maxProperties}), {@code uniqueItems}, {@code pattern}, and the
 * annotations. A keyword outside it is refused when the schema is declared: a check silently
 * skipped would pass values the author meant to refuse. Nothing is ever fetched ({@code $ref} is
 * outside the subset). Errors name the value's path ({@code values.vhosts[0].port}), in Ansible's
 * words: a JSON object is a map, an array a list.
 */
final class ValueSchema {

    static final int MAX_DEPTH = 32;

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$comment", "title", "description", "default",
            "examples");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean", "null");
    private static final Set<String> COUNTS = Set.of("minLength", "maxLength", "minItems", "maxItems", "minProperties",
            "maxProperties");
    private static final Set<String> BOUNDS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items",
            "enum", "const", "uniqueItems", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties");

    private ValueSchema() {
    }

    /** Every problem of a schema as declared, each at its path under {@code field}. */
    static List<InputError> problems(JsonNode schema, String field) {
        List<InputError> errors = new ArrayList<>();
        checkSchema(schema, field, 0, (path, message) -> errors.add(new InputError(path, message)));
        return errors;
    }

    /** Every way {@code value} breaks {@code schema} (a valid one), each at its path under {@code field}. */
    static void validate(JsonNode schema, JsonNode value, String field, List<InputError> errors) {
        validate(schema, value, field, (path, message) -> errors.add(new InputError(path, message)));
    }

    /** Ansible's word for the JSON type of a value. */
    static String kind(JsonNode value) {
        if (value.isObject()) {
            return "map";
        }
        if (value.isArray()) {
            return "list";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isNull() ? "null" : "string";
    }

    private static void checkSchema(JsonNode schema, String path, int depth, BiConsumer<String, String> error) {
        if (schema == null || !schema.isObject()) {
            error.accept(path, "must be a JSON Schema object, such as {\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
            return;
        }
        if (depth > MAX_DEPTH) {
            error.accept(path, "is nested deeper than " + MAX_DEPTH + " levels");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            String keyword = entry.getKey();
            JsonNode argument = entry.getValue();
            String at = path + "." + keyword;
            if (ANNOTATIONS.contains(keyword)) {
                continue;
            }
            if (!KEYWORDS.contains(keyword)) {
                error.accept(at, "is not a supported JSON Schema keyword; supported are " + KEYWORDS.stream().sorted().toList());
                continue;
            }
            keywordProblem(keyword, argument, at, depth, error);
        }
    }

    private static void keywordProblem(String keyword, JsonNode argument, String at, int depth, BiConsumer<String, String> error) {
        switch (keyword) {
            case "type" -> {
                List<JsonNode> names = argument.isArray() ? argument.valueStream().toList() : List.of(argument);
                if (names.isEmpty() || names.stream().anyMatch(n -> !n.isString() || !TYPES.contains(n.asString()))) {
                    error.accept(at, "must be one of " + TYPES.stream().sorted().toList() + " or a list of them");
                }
            }
            case "properties" -> {
                if (!argument.isObject()) {
                    error.accept(at, "must be a map of property names to schemas");
                } else {
                    argument.properties().forEach(p -> checkSchema(p.getValue(), at + "." + p.getKey(), depth + 1, error));
                }
            }
            case "required" -> {
                if (!argument.isArray() || argument.valueStream().anyMatch(n -> !n.isString())) {
                    error.accept(at, "must be a list of property names");
                }
            }
            case "additionalProperties" -> {
                if (!argument.isBoolean()) {
                    checkSchema(argument, at, depth + 1, error);
                }
            }
            case "items" -> checkSchema(argument, at, depth + 1, error);
            case "enum" -> {
                if (!argument.isArray() || argument.isEmpty()) {
                    error.accept(at, "must be a non-empty list of the allowed values");
                }
            }
            case "uniqueItems" -> {
                if (!argument.isBoolean()) {
                    error.accept(at, "must be true or false");
                }
            }
            case "pattern" -> patternProblem(argument).ifPresent(problem -> error.accept(at, problem));
            case "const" -> {
            }
            default -> {
                if (COUNTS.contains(keyword) && !(argument.isIntegralNumber() && argument.asLong() >= 0)) {
                    error.accept(at, "must be a whole number of 0 or more");
                } else if (BOUNDS.contains(keyword) && !argument.isNumber()) {
                    error.accept(at, "must be a number");
                }
            }
        }
    }

    private static java.util.Optional<String> patternProblem(JsonNode argument) {
        if (!argument.isString()) {
            return java.util.Optional.of("must be a regular expression");
        }
        try {
            Pattern.compile(argument.asString());
            return java.util.Optional.empty();
        } catch (PatternSyntaxException e) {
            return java.util.Optional.of("is not a valid regular expression: " + e.getDescription());
        }
    }

    private static void validate(JsonNode schema, JsonNode value, String path, BiConsumer<String, String> error) {
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            error.accept(path, "must be " + expected(type) + ", not " + article(kind(value)));
            return; // the other keywords would only repeat the wrong shape
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.valueStream().noneMatch(value::equals)) {
            error.accept(path, "must be one of " + allowed + ", not " + value);
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !constant.equals(value)) {
            error.accept(path, "must be " + constant + ", not " + value);
        }
        if (value.isObject()) {
            validateMap(schema, value, path, error);
        } else if (value.isArray()) {
            validateList(schema, value, path, error);
        } else if (value.isNumber()) {
            validateNumber(schema, value, path, error);
        } else if (value.isString()) {
            validateText(schema, value.asString(), path, error);
        }
    }

    private static void validateMap(JsonNode schema, JsonNode value, String path, BiConsumer<String, String> error) {
        JsonNode required = schema.get("required");
        if (required != null) {
            required.valueStream().map(JsonNode::asString).filter(name -> !value.has(name))
                    .forEach(name -> error.accept(path + "." + name, "required"));
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String at = path + "." + entry.getKey();
            JsonNode declared = properties == null ? null : properties.get(entry.getKey());
            if (declared != null) {
                validate(declared, entry.getValue(), at, error);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                error.accept(at, "is not a known field; known are " + (properties == null ? List.of()
                        : properties.propertyNames()));
            } else if (additional != null && additional.isObject()) {
                validate(additional, entry.getValue(), at, error);
            }
        }
        count(schema, "minProperties", "maxProperties", value.size(), "field(s)", path, error);
    }

    private static void validateList(JsonNode schema, JsonNode value, String path, BiConsumer<String, String> error) {
        JsonNode items = schema.get("items");
        for (int i = 0; i < value.size(); i++) {
            if (items != null) {
                validate(items, value.get(i), path + "[" + i + "]", error);
            }
        }
        count(schema, "minItems", "maxItems", value.size(), "item(s)", path, error);
        JsonNode unique = schema.get("uniqueItems");
        if (unique != null && unique.asBoolean()) {
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                if (!seen.add(value.get(i))) {
                    error.accept(path + "[" + i + "]", "repeats an earlier item; items must be unique");
                }
            }
        }
    }

    private static void validateNumber(JsonNode schema, JsonNode value, String path, BiConsumer<String, String> error) {
        double number = value.asDouble();
        bound(schema, "minimum", path, error, limit -> number >= limit, "at least ");
        bound(schema, "maximum", path, error, limit -> number <= limit, "at most ");
        bound(schema, "exclusiveMinimum", path, error, limit -> number > limit, "more than ");
        bound(schema, "exclusiveMaximum", path, error, limit -> number < limit, "less than ");
    }

    private static void validateText(JsonNode schema, String text, String path, BiConsumer<String, String> error) {
        count(schema, "minLength", "maxLength", text.codePointCount(0, text.length()), "character(s)", path, error);
        JsonNode pattern = schema.get("pattern");
        if (pattern == null) {
            return;
        }
        try {
            // JSON Schema patterns are unanchored: found anywhere in the text.
            if (!BoundedRegex.matches(Pattern.compile("(?s).*?(?:" + pattern.asString() + ").*"), text)) {
                error.accept(path, "must match the pattern " + pattern.asString());
            }
        } catch (BoundedRegex.TooSlowException e) {
            error.accept(path, "could not be checked against the pattern " + pattern.asString() + " in time");
        }
    }

    private static void bound(JsonNode schema, String keyword, String path, BiConsumer<String, String> error,
                              java.util.function.DoublePredicate holds, String words) {
        JsonNode limit = schema.get(keyword);
        if (limit != null && !holds.test(limit.asDouble())) {
            error.accept(path, "must be " + words + limit);
        }
    }

    private static void count(JsonNode schema, String min, String max, int size, String unit, String path,
                              BiConsumer<String, String> error) {
        JsonNode low = schema.get(min);
        if (low != null && size < low.asLong()) {
            error.accept(path, "must have at least " + low.asLong() + " " + unit);
        }
        JsonNode high = schema.get(max);
        if (high != null && size > high.asLong()) {
            error.accept(path, "must have at most " + high.asLong() + " " + unit);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        List<JsonNode> names = type.isArray() ? type.valueStream().toList() : List.of(type);
        return names.stream().map(JsonNode::asString).anyMatch(name -> switch (name) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> value.isNull();
        });
    }

    private static String expected(JsonNode type) {
        List<JsonNode> names = type.isArray() ? type.valueStream().toList() : List.of(type);
        return String.join(" or ", names.stream().map(n -> article(ansibleName(n.asString()))).toList());
    }

    private static String ansibleName(String jsonType) {
        return switch (jsonType) {
            case "object" -> "map";
            case "array" -> "list";
            default -> jsonType;
        };
    }

    static String article(String kind) {
        return kind.equals("null") ? "null" : (kind.startsWith("i") ? "an " : "a ") + kind;
    }
}
