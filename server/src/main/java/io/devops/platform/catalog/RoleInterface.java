package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PrintableText;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variables a role's own files declare: the {@code main} entry point of
 * {@code meta/argument_specs.yml}, or else the top-level keys of {@code defaults/main.yml} with
 * types inferred from their defaults. Read as plain YAML data (no tags, few aliases, bounded size
 * and depth); nothing is evaluated, a templated default is kept as the text it is.
 */
final class RoleInterface {

    static final int MAX_FILE_BYTES = 256 * 1024;

    private static final List<String> SPEC_FILES = List.of("meta/argument_specs.yml", "meta/argument_specs.yaml");
    private static final List<String> DEFAULT_FILES = List.of("defaults/main.yml", "defaults/main.yaml");
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "0");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;

    private RoleInterface(String file) {
        this.file = file;
    }

    /** The proposal of {@code content}, empty when it declares nothing; a malformed file is a 400 naming it. */
    static List<ProposedVariable> of(RoleContent content) {
        Optional<RoleContent.Entry> spec = find(content, SPEC_FILES);
        if (spec.isPresent()) {
            Optional<List<ProposedVariable>> declared = new RoleInterface(spec.get().path()).fromSpec(spec.get());
            if (declared.isPresent()) {
                return declared.get();
            }
        }
        return find(content, DEFAULT_FILES).map(d -> new RoleInterface(d.path()).fromDefaults(d)).orElse(List.of());
    }

    // --- meta/argument_specs.yml

    /** Empty when the file has no {@code main} entry point: then defaults/main.yml speaks for the role. */
    private Optional<List<ProposedVariable>> fromSpec(RoleContent.Entry entry) {
        Map<?, ?> document = mapping(load(entry), "the file", true);
        Map<?, ?> specs = mapping(document.get("argument_specs"), "argument_specs", false);
        if (specs == null || !specs.containsKey("main")) {
            return Optional.empty();
        }
        Map<?, ?> main = mapping(specs.get("main"), "argument_specs.main", false);
        Map<?, ?> options = main == null ? null : mapping(main.get("options"), "argument_specs.main.options", false);
        List<ProposedVariable> proposed = new ArrayList<>();
        if (options != null) {
            options.forEach((name, option) -> proposed.add(option(String.valueOf(name),
                    mapping(option, key("argument_specs.main.options", name), false))));
        }
        return Optional.of(proposed);
    }

    private ProposedVariable option(String name, Map<?, ?> spec) {
        String where = key("argument_specs.main.options", name);
        Map<?, ?> option = spec == null ? Map.of() : spec;
        String type = text(option.get("type"), where + ".type", "str");
        boolean required = flag(option.get("required"), where + ".required");
        String description = description(option.get("description"), where + ".description");
        String source = file + ": " + where;
        if (flag(option.get("no_log"), where + ".no_log")) {
            return new ProposedVariable(name, "secret", required, null, description, List.of(), null, source);
        }
        Object value = option.get("default");
        List<?> choices = list(option.get("choices"), where + ".choices");
        if (choices != null && !type.equals("list") && !type.equals("dict")) {
            return new ProposedVariable(name, "choice", required, scalarDefault(value), description,
                    choices.stream().map(String::valueOf).toList(), null, source);
        }
        JsonNode declaredDefault = templated(value) ? null : json(value);
        return switch (type) {
            case "str" -> proposal(name, "string", required, json(value), description, null, source);
            case "int" -> proposal(name, "integer", required, declaredDefault, description, null, source);
            case "bool" -> proposal(name, "boolean", required, boolDefault(value), description, null, source);
            case "path" -> value == null || (value instanceof String s && s.startsWith("/"))
                    ? proposal(name, "path", required, json(value), description, null, source)
                    : proposal(name, "string", required, json(value), description, null, source);
            case "list" -> proposal(name, "list", required, declaredDefault, description,
                    arraySchema(option, where), source);
            case "dict" -> proposal(name, "map", required, declaredDefault, description,
                    option.get("options") == null ? null : objectSchema(option.get("options"), where + ".options"), source);
            // raw, float, bytes, bits, json, jsonarg, sid...: no closer safe type than the shape of the default
            default -> inferred(name, value, required, description, source);
        };
    }

    private static ProposedVariable proposal(String name, String type, boolean required, JsonNode value,
                                             String description, JsonNode schema, String source) {
        return new ProposedVariable(name, type, required, value, description, List.of(), schema, source);
    }

    private ObjectNode arraySchema(Map<?, ?> option, String where) {
        ObjectNode schema = JSON.objectNode().put("type", "array");
        Object elements = option.get("elements");
        if (elements != null) {
            ObjectNode items = typeSchema(text(elements, where + ".elements", "str"), option.get("options"), where);
            List<?> choices = list(option.get("choices"), where + ".choices");
            if (choices != null) {
                items.set("enum", json(choices));
            }
            schema.set("items", items);
        }
        return schema;
    }

    /** Suboptions as an object schema: each known, the required ones listed; unknown keys are Ansible's to refuse. */
    private ObjectNode objectSchema(Object options, String where) {
        Map<?, ?> fields = mapping(options, where, true);
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        fields.forEach((name, value) -> {
            String at = key(where, name);
            Map<?, ?> field = mapping(value, at, false);
            field = field == null ? Map.of() : field;
            String type = text(field.get("type"), at + ".type", "str");
            ObjectNode sub = type.equals("list") ? arraySchema(field, at) : typeSchema(type, field.get("options"), at);
            List<?> choices = list(field.get("choices"), at + ".choices");
            if (choices != null && !type.equals("list")) {
                sub.set("enum", json(choices));
            }
            String description = description(field.get("description"), at + ".description");
            if (description != null) {
                sub.put("description", description);
            }
            properties.set(String.valueOf(name), sub);
            if (flag(field.get("required"), at + ".required")) {
                required.add(String.valueOf(name));
            }
        });
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** The JSON Schema of one Ansible type; raw and the rest take any value. */
    private ObjectNode typeSchema(String type, Object options, String where) {
        return switch (type) {
            case "str", "path" -> JSON.objectNode().put("type", "string");
            case "int" -> JSON.objectNode().put("type", "integer");
            case "bool" -> JSON.objectNode().put("type", "boolean");
            case "float" -> JSON.objectNode().put("type", "number");
            case "list" -> JSON.objectNode().put("type", "array");
            case "dict" -> options == null ? JSON.objectNode().put("type", "object") : objectSchema(options, where + ".options");
            default -> JSON.objectNode();
        };
    }

    // --- defaults/main.yml

    private List<ProposedVariable> fromDefaults(RoleContent.Entry entry) {
        Object loaded = load(entry);
        if (loaded == null) {
            return List.of();
        }
        List<ProposedVariable> proposed = new ArrayList<>();
        mapping(loaded, "the file", true).forEach((name, value) ->
                proposed.add(inferred(String.valueOf(name), value, false, null, file + ": " + name)));
        return proposed;
    }

    /** The type a default shows; templated or unusual defaults make a string, kept as written. */
    private static ProposedVariable inferred(String name, Object value, boolean required, String description, String source) {
        String type = "string";
        if (value instanceof Boolean) {
            type = "boolean";
        } else if (value instanceof Integer || value instanceof Long
                || value instanceof BigInteger big && big.bitLength() < 64) {
            type = "integer";
        } else if (value instanceof List) {
            type = "list";
        } else if (value instanceof Map) {
            type = "map";
        }
        JsonNode typed = type.equals("string") && value != null && !(value instanceof String)
                ? JSON.stringNode(String.valueOf(value)) : json(value);
        return proposal(name, type, required, typed, description, null, source);
    }

    // --- values

    private static boolean templated(Object value) {
        return value instanceof String s && (s.contains("{{") || s.contains("{%"));
    }

    private static JsonNode scalarDefault(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : JSON.stringNode(String.valueOf(value));
    }

    /** Ansible reads yes/no/on/off as booleans; the catalog wants true or false. A template stays unknown. */
    private static JsonNode boolDefault(Object value) {
        if (value instanceof String s) {
            String word = s.trim().toLowerCase(Locale.ROOT);
            return TRUE_WORDS.contains(word) ? JSON.booleanNode(true) : FALSE_WORDS.contains(word) ? JSON.booleanNode(false) : null;
        }
        return json(value);
    }

    /** YAML data as JSON; a date or other scalar becomes its text. */
    static JsonNode json(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = JSON.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), v == null ? JSON.nullNode() : json(v)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = JSON.arrayNode();
            list.forEach(v -> node.add(v == null ? JSON.nullNode() : json(v)));
            return node;
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON.numberNode(big);
        }
        if (value instanceof Double d) {
            return JSON.numberNode(d);
        }
        return JSON.stringNode(String.valueOf(value)); // a text, or a date or other scalar as its text
    }

    // --- reading the file

    private static Optional<RoleContent.Entry> find(RoleContent content, List<String> names) {
        return content.entries().stream().filter(e -> names.contains(e.path()) && e.kind() == RoleContent.Kind.FILE)
                .findFirst();
    }

    private Object load(RoleContent.Entry entry) {
        if (entry.size() > MAX_FILE_BYTES) {
            throw bad("the file is larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        try {
            return yaml().load(new String(entry.body(), StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw bad("the file is not valid YAML: " + PrintableText.of(String.valueOf(e.getMessage()).replace('\n', ' '), 500));
        }
    }

    /** Plain data only; an alias bomb, a deep nest or a repeated key is refused, not expanded. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(ValueSchema.MAX_DEPTH);
        options.setCodePointLimit(MAX_FILE_BYTES);
        DumperOptions unused = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(unused), unused, options);
    }

    private Map<?, ?> mapping(Object value, String where, boolean required) {
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw bad(where + " must be a mapping (key: value lines)");
        }
        return map;
    }

    private List<?> list(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw bad(where + " must be a list");
        }
        return list;
    }

    private String text(Object value, String where, String absent) {
        if (value == null) {
            return absent;
        }
        if (!(value instanceof String s)) {
            throw bad(where + " must be a text such as " + absent);
        }
        return s;
    }

    private boolean flag(Object value, String where) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw bad(where + " must be true or false");
    }

    /** A text, or a list of lines joined as paragraphs. */
    private String description(Object value, String where) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof List<?> lines) {
            return String.join("\n", lines.stream().map(String::valueOf).toList());
        }
        throw bad(where + " must be a text or a list of lines");
    }

    private static String key(String parent, Object name) {
        return parent + "." + PrintableText.of(String.valueOf(name), 100);
    }

    private InvalidInputException bad(String message) {
        return new InvalidInputException("archive", "The role archive's " + file + ": " + message);
    }
}
