package io.devops.platform.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The types a role variable or a script parameter can have. Values are kept as canonical text and
 * turned back into typed JSON or YAML values, so that an integer stays an integer in a playbook.
 * {@code LIST} and {@code MAP} hold nested JSON (kept as compact JSON text); {@code SECRET} is a text
 * the catalog stores sealed and never shows. Scripts take the scalar types only.
 */
enum VariableType {
    STRING, PATH, VERSION, INTEGER, BOOLEAN, CHOICE, LIST, MAP, SECRET;

    /** Compact JSON text of a list or map: what one TEXT column holds in four-byte characters. */
    static final int MAX_STRUCTURED = 16_000;

    private static final Pattern VERSION_TEXT = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+~:-]{0,63}");
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final int MAX_TEXT = 4096;

    static VariableType parse(String text) {
        for (VariableType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown type '" + text + "'; use one of " + names());
    }

    static List<String> names() {
        return List.of(values()).stream().map(VariableType::apiName).toList();
    }

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The canonical text of a JSON value, or an exception whose message says what is wrong. */
    String normalize(JsonNode value, List<String> choices) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("must not be null; leave the variable out instead");
        }
        if (structured()) {
            return structured(value);
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("must be a single " + apiName() + " value, not a list or object");
        }
        return switch (this) {
            case INTEGER -> integer(value);
            case BOOLEAN -> bool(value);
            default -> normalize(value.asString(), choices);
        };
    }

    /** The canonical text of a text value (script parameters, defaults, stored values). */
    String normalize(String text, List<String> choices) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("must not contain a NUL character");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters long");
        }
        return switch (this) {
            case STRING -> text;
            case PATH -> path(text);
            case VERSION -> require(text, VERSION_TEXT.matcher(text).matches(), "a version such as 550.54.14");
            case INTEGER -> require(text, INTEGER_TEXT.matcher(text.trim()).matches(), "an integer").trim();
            case BOOLEAN -> bool(JsonNodeFactory.instance.stringNode(text));
            case CHOICE -> require(text, choices.contains(text), "one of " + choices);
            case SECRET -> text;
            case LIST, MAP -> throw new IllegalArgumentException("a " + apiName() + " is not a single text value");
        };
    }

    /** Whether values are nested JSON. */
    boolean structured() {
        return this == LIST || this == MAP;
    }

    /** Whether a script parameter may have this type: one word substituted into a command, never a secret. */
    boolean scalar() {
        return !structured() && this != SECRET;
    }

    /** The value as typed JSON for answers. */
    JsonNode toJson(String canonical) {
        if (structured()) {
            return JsonMapper.shared().readTree(canonical);
        }
        return switch (this) {
            case INTEGER -> JsonNodeFactory.instance.numberNode(Long.parseLong(canonical));
            case BOOLEAN -> JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(canonical));
            default -> JsonNodeFactory.instance.stringNode(canonical);
        };
    }

    /** The value as YAML data: Long, Boolean or String; lists and maps nested of those (and Double, null). */
    Object toYaml(String canonical) {
        if (structured()) {
            return yaml(toJson(canonical));
        }
        return switch (this) {
            case INTEGER -> Long.parseLong(canonical);
            case BOOLEAN -> Boolean.parseBoolean(canonical);
            default -> canonical;
        };
    }

    /** JSON as plain Java data for YAML: integers stay integers, booleans booleans. */
    static Object yaml(JsonNode value) {
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.properties().forEach(entry -> map.put(entry.getKey(), yaml(entry.getValue())));
            return map;
        }
        if (value.isArray()) {
            return value.valueStream().map(VariableType::yaml).toList();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNull() ? null : value.asString();
    }

    private String structured(JsonNode value) {
        boolean fits = this == LIST ? value.isArray() : value.isObject();
        if (!fits) {
            throw new IllegalArgumentException("must be a " + apiName() + ", not " + ValueSchema.article(ValueSchema.kind(value))
                    + (this == LIST ? " (a JSON array such as [\"a\", \"b\"])" : " (a JSON object such as {\"key\": \"value\"})"));
        }
        plainData(value, 0);
        String text = value.toString();
        if (text.length() > MAX_STRUCTURED) {
            throw new IllegalArgumentException("must be at most " + MAX_STRUCTURED + " characters long as JSON");
        }
        return text;
    }

    private static void plainData(JsonNode value, int depth) {
        if (depth > ValueSchema.MAX_DEPTH) {
            throw new IllegalArgumentException("is nested deeper than " + ValueSchema.MAX_DEPTH + " levels");
        }
        if (value.isString() && value.asString().indexOf('\0') >= 0) {
            throw new IllegalArgumentException("must not contain a NUL character");
        }
        if (value.isObject()) {
            value.properties().forEach(entry -> {
                if (entry.getKey().indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("must not contain a NUL character");
                }
                plainData(entry.getValue(), depth + 1);
            });
        }
        if (value.isArray()) {
            value.valueStream().forEach(item -> plainData(item, depth + 1));
        }
    }

    private static String integer(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Long.toString(value.longValue());
        }
        if (value.isString()) {
            return INTEGER.normalize(value.asString(), List.of());
        }
        throw new IllegalArgumentException("must be an integer");
    }

    private static String bool(JsonNode value) {
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        String text = value.isString() ? value.asString().trim().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) {
            return text;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static String path(String text) {
        require(text, text.startsWith("/"), "an absolute path such as /data/fileserver/pkg/driver.run");
        return require(text, text.indexOf('\n') < 0 && text.indexOf('\r') < 0, "a path on one line");
    }

    private static String require(String text, boolean valid, String expected) {
        if (!valid) {
            throw new IllegalArgumentException("must be " + expected + ", not '" + text + "'");
        }
        return text;
    }
}
