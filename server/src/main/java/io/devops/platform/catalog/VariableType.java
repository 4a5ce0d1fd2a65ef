package io.devops.platform.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The types a role variable or a script parameter can have. Values are kept as canonical text and
 * turned back into typed JSON or YAML scalars, so that an integer stays an integer in a playbook.
 */
enum VariableType {
    STRING, PATH, VERSION, INTEGER, BOOLEAN, CHOICE;

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
        };
    }

    /** The value as a typed JSON scalar for answers. */
    JsonNode toJson(String canonical) {
        return switch (this) {
            case INTEGER -> JsonNodeFactory.instance.numberNode(Long.parseLong(canonical));
            case BOOLEAN -> JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(canonical));
            default -> JsonNodeFactory.instance.stringNode(canonical);
        };
    }

    /** The value as a YAML scalar: Long, Boolean or String. */
    Object toYaml(String canonical) {
        return switch (this) {
            case INTEGER -> Long.parseLong(canonical);
            case BOOLEAN -> Boolean.parseBoolean(canonical);
            default -> canonical;
        };
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
